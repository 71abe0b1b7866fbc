-- One row per learner, locked while a booking checks their hours against the budget: of two bookings
-- for one learner at once (two offers, two tabs, two nodes), the second waits and then counts the first.
CREATE TABLE crosstraining_learner_hours_lock (
    person_id UUID PRIMARY KEY
);
