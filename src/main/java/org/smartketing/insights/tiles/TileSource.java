package org.smartketing.insights.tiles;

import org.smartketing.insights.InsightFilter;
import org.smartketing.insights.Tile;
import org.smartketing.insights.TileKey;

/** How one tile is computed; one bean per {@link TileKey}. */
public interface TileSource {

    TileKey key();

    /** The tile over a filter whose team and campaign are known to exist. */
    Tile tile(InsightFilter filter);
}
