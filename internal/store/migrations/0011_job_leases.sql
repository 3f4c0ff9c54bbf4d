-- Claims look for expired leases apart from due jobs; this finds them
-- without scanning the queue.
CREATE INDEX jobs_leases ON jobs (state, lease_until, id);
