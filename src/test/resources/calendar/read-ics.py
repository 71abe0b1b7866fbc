"""Reads .ics files with Debian's python3-icalendar, a second parser beside ical4j, and prints
what a calendar program would take from each as JSON: the zones it defines, the TZIDs its dates
use, and per event the summary, description, attendees, the start as an instant (once through
pytz's zone of that name, once through the VTIMEZONE the file carries where python3-icalendar can
read it, else null) and the RRULE's UNTIL."""
import json
import sys
from datetime import datetime, timezone

from icalendar import Calendar


def instant(value):
    return value.astimezone(timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ') if isinstance(value, datetime) else None


def as_list(value):
    return value if isinstance(value, list) else ([] if value is None else [value])


def read(path):
    with open(path, 'rb') as f:
        cal = Calendar.from_ical(f.read())
    zones = {}
    for vtz in cal.walk('VTIMEZONE'):
        try:
            zones[str(vtz['TZID'])] = vtz.to_tz()
        except ValueError:
            # python3-icalendar 4.0 cannot turn a VTIMEZONE whose RRULE has a UTC UNTIL (valid, and
            # what tzurl.org writes for most zones) into a tzinfo; ical4j's half checks those.
            zones[str(vtz['TZID'])] = None
    used = set()
    events = []
    for event in cal.walk('VEVENT'):
        for name, value in event.property_items(recursive=False):
            tzid = getattr(value, 'params', {}).get('TZID')
            if tzid:
                used.add(str(tzid))
        start = event.get('DTSTART')
        tzid = start.params.get('TZID')
        naive = datetime.strptime(start.to_ical().decode()[:15], '%Y%m%dT%H%M%S')
        by_vtimezone = zones[tzid].localize(naive) if zones.get(tzid) else None
        rule = event.get('RRULE')
        until = rule.get('UNTIL') if rule else None
        events.append({
            'summary': str(event.get('SUMMARY')),
            'description': str(event.get('DESCRIPTION')),
            'attendees': [{'address': str(a), 'cn': str(a.params.get('CN'))} for a in as_list(event.get('ATTENDEE'))],
            'start': instant(event.decoded('DTSTART')),
            'startByVtimezone': instant(by_vtimezone) if by_vtimezone else None,
            'until': instant(until[0]) if until else None,
            'untilIsUtc': bool(until) and until[0].utcoffset() is not None and until[0].utcoffset().total_seconds() == 0,
        })
    return {'file': path, 'zones': sorted(zones), 'tzidsUsed': sorted(used), 'events': events}


json.dump([read(path) for path in sys.argv[1:]], sys.stdout)
