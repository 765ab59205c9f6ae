package main

import (
	"crypto/md5" //nolint:gosec // DigitalOcean's SSH key fingerprint is the key's MD5 (RFC 4716 form)
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/types/known/structpb"
)

// store keeps one record per resource: its type and outputs (secrets kept as secrets),
// in DIR/PACKAGE/ID.json.
type store struct {
	mu  sync.Mutex
	dir string
}

func newStore(root, pkg string) *store {
	if root == "" {
		return &store{}
	}
	return &store{dir: filepath.Join(root, pkg)}
}

var errNoState = errors.New("VERDANDI_STANDIN_STATE: not set; the stand-in keeps its resources there (a preview needs none)")

func (s *store) path(id string) (string, error) {
	if s.dir == "" {
		return "", errNoState
	}
	if id == "" || strings.ContainsAny(id, "/\\") || strings.HasPrefix(id, ".") {
		return "", fmt.Errorf("resource id %q cannot name a record", id)
	}
	return filepath.Join(s.dir, id+".json"), nil
}

func (s *store) put(id string, props resource.PropertyMap) error {
	file, err := s.path(id)
	if err != nil {
		return err
	}
	st, err := plugin.MarshalProperties(props, plugin.MarshalOptions{KeepSecrets: true})
	if err != nil {
		return err
	}
	data, err := protojson.MarshalOptions{Multiline: true}.Marshal(st)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := os.MkdirAll(s.dir, 0o700); err != nil {
		return err
	}
	tmp := file + ".tmp"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, file)
}

// get returns the record of id, or nil when there is none.
func (s *store) get(id string) (resource.PropertyMap, error) {
	file, err := s.path(id)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	data, err := os.ReadFile(file)
	s.mu.Unlock()
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var st structpb.Struct
	if err := protojson.Unmarshal(data, &st); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return plugin.UnmarshalProperties(&st, plugin.MarshalOptions{KeepSecrets: true})
}

func (s *store) remove(id string) error {
	file, err := s.path(id)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := os.Remove(file); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}

// next is the next number of the package's sequence, for numeric ids.
func (s *store) next() (int, error) {
	if s.dir == "" {
		return 0, errNoState
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := os.MkdirAll(s.dir, 0o700); err != nil {
		return 0, err
	}
	counter := filepath.Join(s.dir, ".sequence")
	n := 0
	if data, err := os.ReadFile(counter); err == nil {
		_, _ = fmt.Sscanf(string(data), "%d", &n)
	}
	n++
	return n, os.WriteFile(counter, []byte(fmt.Sprint(n)), 0o600)
}

func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// fingerprint is DigitalOcean's fingerprint of an OpenSSH public key: the MD5 of the key
// blob as colon-separated hex.
func fingerprint(publicKey string) string {
	fields := strings.Fields(publicKey)
	if len(fields) < 2 {
		return ""
	}
	blob, err := base64.StdEncoding.DecodeString(fields[1])
	if err != nil {
		return ""
	}
	sum := md5.Sum(blob) //nolint:gosec // see the import
	parts := make([]string, len(sum))
	for i, b := range sum {
		parts[i] = hex.EncodeToString([]byte{b})
	}
	return strings.Join(parts, ":")
}

func now() string { return time.Now().UTC().Format(time.RFC3339) }
