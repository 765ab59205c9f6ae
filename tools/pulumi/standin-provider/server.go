package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/emptypb"
)

type standIn struct {
	pulumirpc.UnimplementedResourceProviderServer
	name, version string
	schemaText    []byte
	schema        *packageSchema
	store         *store
}

func newStandIn(name, version string, schemaText []byte, schema *packageSchema, st *store) *standIn {
	return &standIn{name: name, version: version, schemaText: schemaText, schema: schema, store: st}
}

var (
	keep   = plugin.MarshalOptions{KeepUnknowns: true, KeepSecrets: true}
	stored = plugin.MarshalOptions{KeepSecrets: true}
)

func (p *standIn) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: p.version}, nil
}

func (p *standIn) GetSchema(context.Context, *pulumirpc.GetSchemaRequest) (*pulumirpc.GetSchemaResponse, error) {
	return &pulumirpc.GetSchemaResponse{Schema: string(p.schemaText)}, nil
}

func (p *standIn) CheckConfig(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	return &pulumirpc.CheckResponse{Inputs: req.GetNews()}, nil
}

func (p *standIn) DiffConfig(_ context.Context, req *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	olds, err := plugin.UnmarshalProperties(req.GetOldInputs(), keep)
	if err != nil {
		return nil, err
	}
	news, err := plugin.UnmarshalProperties(req.GetNews(), keep)
	if err != nil {
		return nil, err
	}
	if olds.DeepEquals(news) {
		return &pulumirpc.DiffResponse{Changes: pulumirpc.DiffResponse_DIFF_NONE}, nil
	}
	return &pulumirpc.DiffResponse{Changes: pulumirpc.DiffResponse_DIFF_SOME}, nil
}

func (p *standIn) Configure(context.Context, *pulumirpc.ConfigureRequest) (*pulumirpc.ConfigureResponse, error) {
	return &pulumirpc.ConfigureResponse{AcceptSecrets: true, SupportsPreview: true, AcceptResources: true}, nil
}

func (p *standIn) Check(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	news, err := plugin.UnmarshalProperties(req.GetNews(), keep)
	if err != nil {
		return nil, err
	}
	failures, err := p.schema.checkInputs(tokenOf(req.GetUrn()), news)
	if err != nil {
		return nil, err
	}
	resp := &pulumirpc.CheckResponse{Inputs: req.GetNews()}
	for _, f := range failures {
		resp.Failures = append(resp.Failures, &pulumirpc.CheckFailure{Property: f.property, Reason: f.reason})
	}
	return resp, nil
}

// Diff compares the inputs of the last deployment with the new ones, property by property
// (the engine has already applied ignoreChanges to the new ones).
func (p *standIn) Diff(_ context.Context, req *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	olds, err := plugin.UnmarshalProperties(req.GetOldInputs(), keep)
	if err != nil {
		return nil, err
	}
	news, err := plugin.UnmarshalProperties(req.GetNews(), keep)
	if err != nil {
		return nil, err
	}
	spec := p.schema.Resources[tokenOf(req.GetUrn())]
	resp := &pulumirpc.DiffResponse{Changes: pulumirpc.DiffResponse_DIFF_NONE, DetailedDiff: map[string]*pulumirpc.PropertyDiff{},
		HasDetailedDiff: true}
	keys := map[resource.PropertyKey]bool{}
	for k := range olds {
		keys[k] = true
	}
	for k := range news {
		keys[k] = true
	}
	for k := range keys {
		if strings.HasPrefix(string(k), "__") {
			continue
		}
		o, hasOld := olds[k]
		n, hasNew := news[k]
		if hasOld && hasNew && o.DeepEquals(n) && !n.ContainsUnknowns() {
			continue
		}
		if (!hasOld || o.IsNull()) && (!hasNew || n.IsNull()) {
			continue
		}
		kind := pulumirpc.PropertyDiff_UPDATE
		switch {
		case !hasOld || o.IsNull():
			kind = pulumirpc.PropertyDiff_ADD
		case !hasNew || n.IsNull():
			kind = pulumirpc.PropertyDiff_DELETE
		}
		resp.Diffs = append(resp.Diffs, string(k))
		// replaceOnChanges: the command provider's triggers, which pulumi-go-provider's Diff
		// replaces on (infer/resource.go), update command or not
		if prop := spec.InputProperties[string(k)]; prop.WillReplaceOnChanges || prop.ReplaceOnChanges {
			resp.Replaces = append(resp.Replaces, string(k))
			kind += pulumirpc.PropertyDiff_ADD_REPLACE - pulumirpc.PropertyDiff_ADD
		}
		resp.DetailedDiff[string(k)] = &pulumirpc.PropertyDiff{Kind: kind, InputDiff: true}
		resp.Changes = pulumirpc.DiffResponse_DIFF_SOME
	}
	return resp, nil
}

func (p *standIn) Create(_ context.Context, req *pulumirpc.CreateRequest) (*pulumirpc.CreateResponse, error) {
	token := tokenOf(req.GetUrn())
	inputs, err := plugin.UnmarshalProperties(req.GetProperties(), keep)
	if err != nil {
		return nil, err
	}
	if req.GetPreview() {
		outs := p.outputs(token, "", inputs, true)
		st, err := plugin.MarshalProperties(outs, keep)
		return &pulumirpc.CreateResponse{Properties: st}, err
	}
	id, err := p.newID(token, inputs)
	if err != nil {
		return nil, err
	}
	outs := p.outputs(token, id, inputs, false)
	outs[resource.PropertyKey("__type")] = resource.NewStringProperty(token)
	if err := p.store.put(id, outs); err != nil {
		return nil, err
	}
	delete(outs, "__type")
	st, err := plugin.MarshalProperties(outs, stored)
	return &pulumirpc.CreateResponse{Id: id, Properties: st}, err
}

func (p *standIn) Read(_ context.Context, req *pulumirpc.ReadRequest) (*pulumirpc.ReadResponse, error) {
	outs, err := p.store.get(req.GetId())
	if err != nil {
		return nil, err
	}
	if outs == nil {
		return &pulumirpc.ReadResponse{}, nil // gone: the engine drops it from the state
	}
	delete(outs, "__type")
	st, err := plugin.MarshalProperties(outs, stored)
	return &pulumirpc.ReadResponse{Id: req.GetId(), Properties: st, Inputs: req.GetInputs()}, err
}

func (p *standIn) Update(_ context.Context, req *pulumirpc.UpdateRequest) (*pulumirpc.UpdateResponse, error) {
	token := tokenOf(req.GetUrn())
	inputs, err := plugin.UnmarshalProperties(req.GetNews(), keep)
	if err != nil {
		return nil, err
	}
	if req.GetPreview() {
		outs := p.outputs(token, req.GetId(), inputs, true)
		st, err := plugin.MarshalProperties(outs, keep)
		return &pulumirpc.UpdateResponse{Properties: st}, err
	}
	old, err := p.store.get(req.GetId())
	if err != nil {
		return nil, err
	}
	if old == nil {
		return nil, fmt.Errorf("%s %s: not found (404)", token, req.GetId())
	}
	outs := p.outputs(token, req.GetId(), inputs, false)
	for k, v := range old { // what the cloud decided at creation stays
		if _, isInput := p.schema.Resources[token].InputProperties[string(k)]; !isInput {
			outs[k] = v
		}
	}
	if err := p.store.put(req.GetId(), outs); err != nil {
		return nil, err
	}
	delete(outs, "__type")
	st, err := plugin.MarshalProperties(outs, stored)
	return &pulumirpc.UpdateResponse{Properties: st}, err
}

func (p *standIn) Delete(_ context.Context, req *pulumirpc.DeleteRequest) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, p.store.remove(req.GetId())
}

func (p *standIn) Invoke(_ context.Context, req *pulumirpc.InvokeRequest) (*pulumirpc.InvokeResponse, error) {
	return nil, fmt.Errorf("%s: the provider stand-in answers no function calls", req.GetTok())
}

// newID follows the shapes of the real ids: DigitalOcean numbers droplets, SSH keys and
// DNS records, names a domain by itself, and gives the other resources UUIDs.
func (p *standIn) newID(token string, inputs resource.PropertyMap) (string, error) {
	switch token {
	case "digitalocean:index/domain:Domain":
		if v, ok := inputs["name"]; ok && v.IsString() {
			return v.StringValue(), nil
		}
		return "", fmt.Errorf("%s: no name", token)
	case "digitalocean:index/droplet:Droplet", "digitalocean:index/sshKey:SshKey", "digitalocean:index/dnsRecord:DnsRecord":
		n, err := p.store.next()
		return strconv.Itoa(100000 + n), err
	}
	if p.store.dir == "" {
		return "", errNoState
	}
	return newUUID(), nil
}

// outputs are the inputs plus every other property of the resource: unknown in a
// preview, otherwise the value this stand-in decides (zero values where nothing more
// specific is known). Properties the schema marks secret become secrets.
func (p *standIn) outputs(token, id string, inputs resource.PropertyMap, preview bool) resource.PropertyMap {
	spec := p.schema.Resources[token]
	outs := inputs.Copy()
	decided := decide(token, id, inputs)
	for name, prop := range spec.Properties {
		key := resource.PropertyKey(name)
		if v, ok := outs[key]; ok && !v.IsNull() {
			continue
		}
		if preview {
			if _, isInput := spec.InputProperties[name]; !isInput {
				outs[key] = resource.MakeComputed(resource.NewStringProperty(""))
			}
			continue
		}
		if v, ok := decided[name]; ok {
			outs[key] = v
		} else if contains(spec.Required, name) {
			outs[key] = zero(prop)
		}
	}
	for name, prop := range spec.Properties {
		key := resource.PropertyKey(name)
		if v, ok := outs[key]; ok && prop.Secret && !v.IsSecret() && !v.IsComputed() {
			outs[key] = resource.MakeSecret(v)
		}
	}
	return outs
}

// decide returns the outputs the cloud would decide for a new resource. Addresses are
// from the documentation ranges (RFC 5737, RFC 3849): nothing is ever sent to them.
func decide(token, id string, inputs resource.PropertyMap) map[string]resource.PropertyValue {
	s := resource.NewStringProperty
	n, _ := strconv.Atoi(id)
	host := n % 250
	switch token {
	case "digitalocean:index/droplet:Droplet":
		return map[string]resource.PropertyValue{
			"ipv4Address":        s(fmt.Sprintf("192.0.2.%d", 1+host)),
			"ipv4AddressPrivate": s(fmt.Sprintf("198.51.100.%d", 1+host)),
			"ipv6Address":        s(fmt.Sprintf("2001:db8::%x", 1+host)),
			"status":             s("active"),
			"dropletUrn":         s("do:droplet:" + id),
			"createdAt":          s(now()),
			"locked":             resource.NewBoolProperty(false),
		}
	case "digitalocean:index/sshKey:SshKey":
		key := ""
		if v, ok := inputs["publicKey"]; ok && v.IsString() {
			key = v.StringValue()
		}
		return map[string]resource.PropertyValue{"fingerprint": s(fingerprint(key))}
	case "digitalocean:index/domain:Domain":
		return map[string]resource.PropertyValue{"urn": s("do:domain:" + id), "ttl": resource.NewNumberProperty(1800)}
	case "digitalocean:index/vpc:Vpc":
		return map[string]resource.PropertyValue{"vpcUrn": s("do:vpc:" + id), "createdAt": s(now())}
	case "digitalocean:index/firewall:Firewall":
		return map[string]resource.PropertyValue{"status": s("succeeded"), "createdAt": s(now())}
	}
	return nil
}

func zero(prop propertySpec) resource.PropertyValue {
	switch prop.Type {
	case "string":
		return resource.NewStringProperty("")
	case "integer", "number":
		return resource.NewNumberProperty(0)
	case "boolean":
		return resource.NewBoolProperty(false)
	case "array":
		return resource.NewArrayProperty(nil)
	}
	return resource.NewObjectProperty(resource.PropertyMap{})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// tokenOf is the type token of a URN (urn:pulumi:STACK::PROJECT::PARENT$TYPE::NAME).
func tokenOf(urn string) string {
	parts := strings.Split(urn, "::")
	if len(parts) < 4 {
		return ""
	}
	types := parts[2]
	if i := strings.LastIndex(types, "$"); i >= 0 {
		return types[i+1:]
	}
	return types
}
