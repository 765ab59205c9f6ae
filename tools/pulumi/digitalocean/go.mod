// The DigitalOcean provider, 4.76.0 (commit 0825b75e of pulumi-digitalocean, no
// provider/v4.76.0 tag, hence a pseudo-version). Its own go.mod replaces the Terraform
// provider with a git submodule (../upstream, terraform-provider-digitalocean v2.96.0 =
// commit 5ef5c080, whose module path has no /v2: v1 pseudo-version) and godo with that
// submodule's vendored copy (v1.200.0, served). Its main package embeds a generated
// schema, so this module has its own main.go embedding the published schema instead.
// The module proxy refuses both provider modules (403 "This module version is not
// available."): no go.sum can exist until they are served; tools/pulumi/build reports it.
module verdandi.local/tools/pulumi/digitalocean

go 1.25.11

require (
	github.com/digitalocean/godo v1.200.0
	github.com/digitalocean/terraform-provider-digitalocean v1.22.3-0.20260723111151-5ef5c0805c6c
	github.com/pulumi/pulumi-digitalocean/provider/v4 v4.0.0-20260724042230-0825b75e5e5e
	github.com/pulumi/pulumi-terraform-bridge/v3 v3.135.0
)

replace github.com/hashicorp/terraform-plugin-sdk/v2 => github.com/pulumi/terraform-plugin-sdk/v2 v2.0.0-20260318212141-5525259d096b
