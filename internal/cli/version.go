package cli

import (
	"context"
	"fmt"
	"runtime/debug"
)

// version is set at build time with -ldflags "-X newshound/internal/cli.version=…";
// otherwise it comes from the module's build information.
var version = ""

func runVersion(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet("version", env)
	if err := parseFlags(fs, env, args); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "newshound %s\n", buildVersion())
	return nil
}

// buildVersion reports the version and, when known, the VCS revision.
func buildVersion() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	v := info.Main.Version
	if v == "" || v == "(devel)" {
		v = "devel"
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " (" + s.Value[:12] + ")"
		}
	}
	return v
}
