// Command pulumi-resource-digitalocean serves the DigitalOcean provider, with the
// published schema of the pinned version embedded (tools/pulumi/build copies it here as
// schema.json before building).
package main

import (
	_ "embed"

	digitalocean "github.com/pulumi/pulumi-digitalocean/provider/v4"
	"github.com/pulumi/pulumi-digitalocean/provider/v4/pkg/version"
	"github.com/pulumi/pulumi-terraform-bridge/v3/pkg/tfbridge"
)

//go:embed schema.json
var schema []byte

func main() {
	tfbridge.Main("digitalocean", version.Version, digitalocean.Provider(), schema)
}
