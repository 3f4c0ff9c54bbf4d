package cli

import "runtime/debug"

// serveGCPercent is the garbage collector's target for serve, unless GOGC
// is set. serve's live heap is a few megabytes (pages are cached as bytes,
// counts as small maps), so at Go's default of 100 a busy site collects
// every few tens of milliseconds, and each collection's fixed costs add up
// to a fifth of the CPU a page view takes. At 400 the heap may grow to five
// times its live size, still only tens of megabytes, and views cost less
// and wait less (README, "Reading speed").
const serveGCPercent = 400

// tuneGC applies serveGCPercent unless the environment sets GOGC.
func tuneGC(env Env) {
	if env.Getenv("GOGC") == "" {
		debug.SetGCPercent(serveGCPercent)
	}
}
