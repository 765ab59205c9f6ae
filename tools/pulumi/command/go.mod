// The command provider, 1.2.1. Its provider module has no tag of its own (no
// provider/v1.2.1), so the v1.2.1 commit is required by its pseudo-version. The module
// proxy refuses it (403 "This module version is not available."): no go.sum can exist
// until it is served; tools/pulumi/build reports the refusal.
module verdandi.local/tools/pulumi/command

go 1.25.0

tool github.com/pulumi/pulumi-command/provider/cmd/pulumi-resource-command

require github.com/pulumi/pulumi-command/provider v0.0.0-20260303235922-7f3eb6f3b77c
