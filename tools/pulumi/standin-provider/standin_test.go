package main

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// The providers' published schemas, in ../shared/schemas beside the repository.
func loadSchema(t *testing.T, file string) (*packageSchema, []byte) {
	t.Helper()
	dir := os.Getenv("VERDANDI_STANDIN_SCHEMAS")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "..", "shared", "schemas")
	}
	data, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		t.Fatalf("the schema %s (../shared must be beside the checkout, or set VERDANDI_STANDIN_SCHEMAS): %v", file, err)
	}
	s, err := parseSchema(data)
	if err != nil {
		t.Fatal(err)
	}
	return s, data
}

const droplet = "digitalocean:index/droplet:Droplet"

func TestCheckInputsRules(t *testing.T) {
	s, _ := loadSchema(t, "digitalocean-4.76.0.json")
	valid := map[string]any{"image": "debian-12-x64", "size": "s-1vcpu-1gb", "region": "ams3", "monitoring": true,
		"tags":         []any{"mangaki"},
		"backupPolicy": map[string]any{"plan": "weekly", "weekday": "SUN", "hour": 4}}
	with := func(k string, v any) map[string]any {
		m := map[string]any{}
		for a, b := range valid {
			m[a] = b
		}
		if v == nil {
			delete(m, k)
		} else {
			m[k] = v
		}
		return m
	}
	cases := []struct {
		name   string
		inputs map[string]any
		want   string // a part of the one failure, "" for none
	}{
		{"accepts the program's droplet", valid, ""},
		{"accepts an unknown value where a string goes", with("region", resource.MakeComputed(resource.NewStringProperty(""))), ""},
		{"accepts a secret string", with("userData", resource.MakeSecret(resource.NewStringProperty("#cloud-config"))), ""},
		{"rejects an input the resource does not take", with("sshKeyIds", []any{"1"}), `does not take the input "sshKeyIds"`},
		{"rejects a missing required input", with("image", nil), `missing required input "image"`},
		{"rejects a number where a string goes", with("size", 1024), "size: number 1024 matches none of its allowed types"},
		{"rejects a number where only a string goes", with("name", 3), "name: expected a string, got number 3"},
		{"rejects a string where a boolean goes", with("monitoring", "yes"), "monitoring: expected a boolean"},
		{"rejects a non-integer where an integer goes", with("backupPolicy", map[string]any{"plan": "weekly", "hour": 4.5}),
			"backupPolicy.hour: expected an integer"},
		{"rejects a property a nested type does not have", with("backupPolicy", map[string]any{"plan": "weekly", "minute": 3}),
			`has no property "minute"`},
		{"rejects a wrong item in an array", with("tags", []any{"a", true}), "tags[1]: expected a string"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			failures, err := s.checkInputs(droplet, resource.NewPropertyMapFromMap(c.inputs))
			if err != nil {
				t.Fatal(err)
			}
			if c.want == "" {
				if len(failures) != 0 {
					t.Fatalf("want no failure, got %v", failures)
				}
				return
			}
			if len(failures) != 1 || !strings.Contains(failures[0].reason, c.want) {
				t.Fatalf("want one failure containing %q, got %v", c.want, failures)
			}
		})
	}
}

// The DigitalOcean schema types every enum input as oneOf(string, enum), which any string
// matches; a schema of its own shows the enum rule.
func TestCheckInputsEnumRule(t *testing.T) {
	s, err := parseSchema([]byte(`{"name": "t", "resources": {"t:index:R": {
		"inputProperties": {"kind": {"$ref": "#/types/t:index:Kind"}}}},
		"types": {"t:index:Kind": {"type": "string", "enum": [{"value": "A"}, {"value": "AAAA"}]}}}`))
	if err != nil {
		t.Fatal(err)
	}
	for value, want := range map[string]string{"A": "", "AAAA": "", "MX": `"MX" is not one of A, AAAA`} {
		f, err := s.checkInputs("t:index:R", resource.NewPropertyMapFromMap(map[string]any{"kind": value}))
		if err != nil {
			t.Fatal(err)
		}
		if want == "" && len(f) != 0 || want != "" && (len(f) != 1 || !strings.Contains(f[0].reason, want)) {
			t.Errorf("%s: want %q, got %v", value, want, f)
		}
	}
}

func diff(t *testing.T, p *standIn, token string, olds, news map[string]any) *pulumirpc.DiffResponse {
	t.Helper()
	o, err := plugin.MarshalProperties(resource.NewPropertyMapFromMap(olds), keep)
	if err != nil {
		t.Fatal(err)
	}
	n, err := plugin.MarshalProperties(resource.NewPropertyMapFromMap(news), keep)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := p.Diff(context.Background(), &pulumirpc.DiffRequest{
		Urn: "urn:pulumi:production::mangaki::verdandi:platform:Platform$" + token + "::x", OldInputs: o, News: n})
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

func TestDiffReplacesOnlyForPropertiesTheSchemaSaysReplace(t *testing.T) {
	s, data := loadSchema(t, "digitalocean-4.76.0.json")
	p := newStandIn("digitalocean", "4.76.0", data, s, newStore(t.TempDir(), "digitalocean"))
	base := map[string]any{"image": "debian-12-x64", "size": "s-1vcpu-1gb", "region": "ams3", "sshKeys": []any{"1"}}
	change := func(k string, v any) map[string]any {
		m := map[string]any{}
		for a, b := range base {
			m[a] = b
		}
		m[k] = v
		return m
	}
	cases := []struct {
		name     string
		news     map[string]any
		changes  []string
		replaces []string
	}{
		{"no change", base, nil, nil},
		{"a new size updates in place", change("size", "s-2vcpu-2gb"), []string{"size"}, nil},
		{"a new key replaces (sshKeys: willReplaceOnChanges)", change("sshKeys", []any{"1", "2"}), []string{"sshKeys"}, []string{"sshKeys"}},
		{"a new region replaces", change("region", "fra1"), []string{"region"}, []string{"region"}},
		{"an added input updates", change("backups", true), []string{"backups"}, nil},
		{"an added input the schema says replace replaces", change("monitoring", true), []string{"monitoring"}, []string{"monitoring"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp := diff(t, p, droplet, base, c.news)
			sort.Strings(resp.Diffs)
			if strings.Join(resp.Diffs, ",") != strings.Join(c.changes, ",") || strings.Join(resp.Replaces, ",") != strings.Join(c.replaces, ",") {
				t.Fatalf("want changes %v replaces %v, got %v %v", c.changes, c.replaces, resp.Diffs, resp.Replaces)
			}
			want := pulumirpc.DiffResponse_DIFF_NONE
			if len(c.changes) > 0 {
				want = pulumirpc.DiffResponse_DIFF_SOME
			}
			if resp.Changes != want {
				t.Fatalf("want %v, got %v", want, resp.Changes)
			}
		})
	}
}

// The command provider replaces a command whose triggers change (replaceOnChanges), even with
// an update command: pulumi-go-provider's Diff (infer/resource.go) forces it.
func TestDiffReplacesACommandWhoseTriggersChange(t *testing.T) {
	s, data := loadSchema(t, "command-1.2.1.json")
	p := newStandIn("command", "1.2.1", data, s, newStore(t.TempDir(), "command"))
	base := map[string]any{"create": "install", "update": "install", "triggers": []any{"v1"}}
	for _, c := range []struct {
		name     string
		news     map[string]any
		replaces string
	}{
		{"new triggers replace", map[string]any{"create": "install", "update": "install", "triggers": []any{"v2"}}, "triggers"},
		{"a new command line updates", map[string]any{"create": "install v2", "update": "install v2", "triggers": []any{"v1"}}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			resp := diff(t, p, "command:remote:Command", base, c.news)
			if strings.Join(resp.Replaces, ",") != c.replaces {
				t.Fatalf("want replaces %q, got %v", c.replaces, resp.Replaces)
			}
		})
	}
}

func TestCreateKeepsARecordThatReadAndDeleteFollow(t *testing.T) {
	s, data := loadSchema(t, "digitalocean-4.76.0.json")
	p := newStandIn("digitalocean", "4.76.0", data, s, newStore(t.TempDir(), "digitalocean"))
	key := "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPX/8lnewja82y3wXInexq4r5mHuLabSj3iMQe6xfPeI admin@mangaki.fr"
	in, _ := plugin.MarshalProperties(resource.NewPropertyMapFromMap(map[string]any{"publicKey": key, "name": "k"}), keep)
	urn := "urn:pulumi:production::mangaki::digitalocean:index/sshKey:SshKey::k"
	created, err := p.Create(context.Background(), &pulumirpc.CreateRequest{Urn: urn, Properties: in})
	if err != nil {
		t.Fatal(err)
	}
	outs, _ := plugin.UnmarshalProperties(created.Properties, keep)
	if fp := outs["fingerprint"].StringValue(); len(strings.Split(fp, ":")) != 16 {
		t.Fatalf("want an MD5 fingerprint, got %q", fp)
	}
	read, err := p.Read(context.Background(), &pulumirpc.ReadRequest{Urn: urn, Id: created.Id})
	if err != nil || read.Id != created.Id {
		t.Fatalf("read %v %v", read, err)
	}
	if _, err := p.Delete(context.Background(), &pulumirpc.DeleteRequest{Urn: urn, Id: created.Id}); err != nil {
		t.Fatal(err)
	}
	gone, err := p.Read(context.Background(), &pulumirpc.ReadRequest{Urn: urn, Id: created.Id})
	if err != nil || gone.Id != "" {
		t.Fatalf("want the record gone, got %v %v", gone, err)
	}
}

func TestIdentityRules(t *testing.T) {
	cases := []struct{ path, override, name, version, err string }{
		{"/h/plugins/resource-digitalocean-v4.76.0/pulumi-resource-digitalocean", "", "digitalocean", "4.76.0", ""},
		{"/h/plugins/resource-command-v1.2.1/pulumi-resource-command", "", "command", "1.2.1", ""},
		{"/tmp/pulumi-resource-command", "v1.2.1", "command", "1.2.1", ""},
		{"/tmp/pulumi-resource-command", "", "", "", "no version in its directory"},
		{"/cache/pulumi-resource-standin", "", "", "", "install this stand-in as a plugin"},
	}
	for _, c := range cases {
		name, version, err := identity(c.path, c.override)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%s: want an error containing %q, got %v", c.path, c.err, err)
			}
			continue
		}
		if err != nil || name != c.name || version != c.version {
			t.Errorf("%s: want %s %s, got %s %s %v", c.path, c.name, c.version, name, version, err)
		}
	}
}
