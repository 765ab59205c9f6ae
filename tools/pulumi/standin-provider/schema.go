package main

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// A Pulumi package schema, as much of it as checking inputs needs: the property specs of
// https://www.pulumi.com/docs/iac/extending-pulumi/schema/ (type, items,
// additionalProperties, $ref, secret, willReplaceOnChanges, replaceOnChanges).
type packageSchema struct {
	Name      string                  `json:"name"`
	Resources map[string]resourceSpec `json:"resources"`
	Types     map[string]typeSpec     `json:"types"`
}

type resourceSpec struct {
	InputProperties map[string]propertySpec `json:"inputProperties"`
	RequiredInputs  []string                `json:"requiredInputs"`
	Properties      map[string]propertySpec `json:"properties"`
	Required        []string                `json:"required"`
}

type typeSpec struct {
	Type       string                  `json:"type"`
	Properties map[string]propertySpec `json:"properties"`
	Required   []string                `json:"required"`
	Enum       []struct {
		Value any `json:"value"`
	} `json:"enum"`
}

type propertySpec struct {
	Type                 string         `json:"type"`
	Ref                  string         `json:"$ref"`
	Items                *propertySpec  `json:"items"`
	AdditionalProperties *propertySpec  `json:"additionalProperties"`
	OneOf                []propertySpec `json:"oneOf"`
	Secret               bool           `json:"secret"`
	WillReplaceOnChanges bool           `json:"willReplaceOnChanges"`
	ReplaceOnChanges     bool           `json:"replaceOnChanges"`
}

func parseSchema(data []byte) (*packageSchema, error) {
	var s packageSchema
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	if s.Name == "" || len(s.Resources) == 0 {
		return nil, fmt.Errorf("schema: no package name or no resources")
	}
	return &s, nil
}

// checkInputs returns one failure per input the schema does not allow: a property the
// resource does not take, a required input missing, or a value of the wrong type.
// Unknown values (not known during a preview) are accepted wherever a value is.
func (s *packageSchema) checkInputs(token string, inputs resource.PropertyMap) ([]failure, error) {
	spec, ok := s.Resources[token]
	if !ok {
		return nil, fmt.Errorf("%s is not a resource of package %s", token, s.Name)
	}
	var failures []failure
	for _, key := range inputs.StableKeys() {
		name := string(key)
		if strings.HasPrefix(name, "__") {
			continue
		}
		prop, ok := spec.InputProperties[name]
		if !ok {
			failures = append(failures, failure{name, fmt.Sprintf("%s does not take the input %q (it takes %s)",
				token, name, strings.Join(sortedKeys(spec.InputProperties), ", "))})
			continue
		}
		failures = append(failures, s.checkValue(name, prop, inputs[key])...)
	}
	for _, name := range spec.RequiredInputs {
		if v, ok := inputs[resource.PropertyKey(name)]; !ok || v.IsNull() {
			failures = append(failures, failure{name, fmt.Sprintf("missing required input %q of %s", name, token)})
		}
	}
	return failures, nil
}

type failure struct {
	property string
	reason   string
}

func (s *packageSchema) checkValue(path string, prop propertySpec, v resource.PropertyValue) []failure {
	for v.IsSecret() || v.IsOutput() {
		if v.IsSecret() {
			v = v.SecretValue().Element
			continue
		}
		out := v.OutputValue()
		if !out.Known {
			return nil
		}
		v = out.Element
	}
	if v.IsComputed() || v.IsNull() {
		return nil
	}
	if len(prop.OneOf) > 0 {
		for _, alt := range prop.OneOf {
			if len(s.checkValue(path, alt, v)) == 0 {
				return nil
			}
		}
		return []failure{{path, fmt.Sprintf("%s: %s %s matches none of its allowed types", path, v.TypeString(), show(v))}}
	}
	if prop.Ref != "" {
		return s.checkRef(path, prop.Ref, v)
	}
	wrong := func(want string) []failure {
		return []failure{{path, fmt.Sprintf("%s: expected %s, got %s %s", path, want, v.TypeString(), show(v))}}
	}
	switch prop.Type {
	case "string":
		if !v.IsString() {
			return wrong("a string")
		}
	case "integer":
		if !v.IsNumber() || v.NumberValue() != float64(int64(v.NumberValue())) {
			return wrong("an integer")
		}
	case "number":
		if !v.IsNumber() {
			return wrong("a number")
		}
	case "boolean":
		if !v.IsBool() {
			return wrong("a boolean")
		}
	case "array":
		if !v.IsArray() {
			return wrong("an array")
		}
		var failures []failure
		if prop.Items != nil {
			for i, item := range v.ArrayValue() {
				failures = append(failures, s.checkValue(fmt.Sprintf("%s[%d]", path, i), *prop.Items, item)...)
			}
		}
		return failures
	case "object":
		if !v.IsObject() {
			return wrong("an object")
		}
		var failures []failure
		if prop.AdditionalProperties != nil {
			obj := v.ObjectValue()
			for _, k := range obj.StableKeys() {
				failures = append(failures, s.checkValue(path+"."+string(k), *prop.AdditionalProperties, obj[k])...)
			}
		}
		return failures
	}
	return nil
}

func (s *packageSchema) checkRef(path, ref string, v resource.PropertyValue) []failure {
	const local = "#/types/"
	if !strings.HasPrefix(ref, local) {
		return nil // pulumi.json#/Any, #/Archive, #/Asset, #/Json: any value
	}
	t, ok := s.Types[strings.TrimPrefix(ref, local)]
	if !ok {
		return []failure{{path, fmt.Sprintf("%s: the schema has no type %s", path, ref)}}
	}
	if len(t.Enum) > 0 {
		allowed := make([]string, 0, len(t.Enum))
		for _, e := range t.Enum {
			allowed = append(allowed, fmt.Sprint(e.Value))
			if v.IsString() && fmt.Sprint(e.Value) == v.StringValue() {
				return nil
			}
		}
		return []failure{{path, fmt.Sprintf("%s: %s is not one of %s", path, show(v), strings.Join(allowed, ", "))}}
	}
	if !v.IsObject() {
		return []failure{{path, fmt.Sprintf("%s: expected an object of type %s, got %s", path, ref, v.TypeString())}}
	}
	obj := v.ObjectValue()
	var failures []failure
	for _, k := range obj.StableKeys() {
		p, ok := t.Properties[string(k)]
		if !ok {
			failures = append(failures, failure{path + "." + string(k), fmt.Sprintf("%s: type %s has no property %q (it has %s)",
				path, ref, string(k), strings.Join(sortedKeys(t.Properties), ", "))})
			continue
		}
		failures = append(failures, s.checkValue(path+"."+string(k), p, obj[k])...)
	}
	for _, name := range t.Required {
		if x, ok := obj[resource.PropertyKey(name)]; !ok || x.IsNull() {
			failures = append(failures, failure{path + "." + name, fmt.Sprintf("%s: missing required property %q of %s", path, name, ref)})
		}
	}
	return failures
}

func sortedKeys(m map[string]propertySpec) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// show prints a value as JSON.
func show(v resource.PropertyValue) string {
	b, err := json.Marshal(v.Mappable())
	if err != nil {
		return v.String()
	}
	return string(b)
}
