// Command pulumi-resource-standin is a stand-in for the DigitalOcean and command resource
// plugins, for tests of the real Pulumi CLI, engine and Java language host where the
// real plugins cannot be built (see docs/real-engine.md). It is NOT either provider: it
// calls no API and runs no command.
//
// What it does follow, from the package schema it is given (the providers' published
// schemas, ../shared/schemas/NAME-VERSION.json):
//   - Check: every input is a property of the resource, required inputs are present,
//     values have the schema's types (nested types and enums included).
//   - Diff: the inputs that changed; a change of a property marked willReplaceOnChanges
//     (or replaceOnChanges, as the command provider's triggers) replaces the resource, any
//     other change updates it in place.
//   - Create/Read/Update/Delete: a record per resource in a state directory, so the
//     "cloud" outlives one `pulumi up` and serves the next stack and the next run;
//     outputs the schema marks secret are returned as secrets.
//
// Installed as a plugin under the real provider's name and version
// (`pulumi plugin install resource digitalocean 4.76.0 --file pulumi-resource-standin`),
// it takes the package name from its file name (pulumi-resource-NAME) and the version
// from its plugin directory (resource-NAME-vVERSION).
//
// Environment: VERDANDI_STANDIN_SCHEMAS (directory of NAME-VERSION.json schemas, required),
// VERDANDI_STANDIN_STATE (directory of the records; required for anything but a preview).
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/provider"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

func main() {
	name, version, err := identity(os.Args[0], os.Getenv("VERDANDI_STANDIN_VERSION"))
	if err != nil {
		fail(err)
	}
	dir := os.Getenv("VERDANDI_STANDIN_SCHEMAS")
	if dir == "" {
		fail(fmt.Errorf("VERDANDI_STANDIN_SCHEMAS: not set; set it to the directory holding %s-%s.json", name, version))
	}
	data, err := os.ReadFile(filepath.Join(dir, name+"-"+version+".json"))
	if err != nil {
		fail(fmt.Errorf("the schema of %s %s: %w", name, version, err))
	}
	schema, err := parseSchema(data)
	if err != nil {
		fail(err)
	}
	store := newStore(os.Getenv("VERDANDI_STANDIN_STATE"), name)
	err = provider.Main(name, func(*provider.HostClient) (pulumirpc.ResourceProviderServer, error) {
		return newStandIn(name, version, data, schema, store), nil
	})
	if err != nil {
		fail(err)
	}
}

// identity reads the package name from the executable's name and its version from the
// plugin directory the CLI installed it in (override: VERDANDI_STANDIN_VERSION).
func identity(executable, versionOverride string) (string, string, error) {
	base := filepath.Base(executable)
	name, ok := strings.CutPrefix(base, "pulumi-resource-")
	if !ok || name == "" || name == "standin" {
		return "", "", fmt.Errorf("%s: install this stand-in as a plugin (pulumi-resource-NAME), not run it directly", base)
	}
	if versionOverride != "" {
		return name, strings.TrimPrefix(versionOverride, "v"), nil
	}
	parent := filepath.Base(filepath.Dir(executable))
	version, ok := strings.CutPrefix(parent, "resource-"+name+"-v")
	if !ok || version == "" {
		return "", "", fmt.Errorf("%s: no version in its directory %q (expected resource-%s-vVERSION); set VERDANDI_STANDIN_VERSION",
			base, parent, name)
	}
	return name, version, nil
}

func fail(err error) {
	fmt.Fprintf(os.Stderr, "pulumi-resource-standin: %v\n", err)
	os.Exit(1)
}
