// Package views counts article views and unique visitors without tracking
// anyone: no cookie, nothing stored in the browser, and nothing derived from
// an IP address or User-Agent ever written to disk or logs.
//
// A visitor is the first 64 bits of HMAC-SHA256(site, IP, User-Agent) under
// a secret drawn each day and held only in memory; at the end of the day
// (plus a short grace period) the secret is zeroed and the set of hashes
// dropped, so yesterday's visitors cannot be linked to today's, nor to
// anyone. Counts gather in memory and are flushed in batches as additive
// upserts, so several processes sharing one PostgreSQL add up exactly.
// docs/counting.md has the full design.
package views
