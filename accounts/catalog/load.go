package catalog

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/assets"
)

// Load builds the catalog from the built-in files (every *.json in
// builtin, e.g. assets.Catalog) and then the person's files in userDir
// (*.json directly inside it; a missing folder is fine). A user entry
// replaces the built-in entry with the same ID or adds a new platform.
//
// Every problem comes back as a *LoadError; the entries it concerns are
// left out or lose the broken reference, and everything else loads.
func Load(builtin fs.FS, userDir string) (*Catalog, []error) {
	var b builder
	if builtin != nil {
		b.loadFS(builtin)
	}
	if userDir != "" {
		b.loadDir(userDir)
	}
	return b.build()
}

// CheckFile checks one catalog file as if it were in the user folder on
// top of the built-in catalog, which it may override or refer to. It
// returns the file's valid platforms (with broken references dropped) and
// every problem the file causes, including references it breaks in
// built-in entries.
func CheckFile(builtin fs.FS, file string) ([]Platform, []error) {
	var b builder
	if builtin != nil {
		b.loadFS(builtin)
	}
	b.errs = nil // problems of the built-in data are not this file's
	data, err := readFile(file)
	if err != nil {
		return nil, []error{&LoadError{File: file, Err: err}}
	}
	b.add(file, data, true)
	c, errs := b.build()
	var ps []Platform
	for _, p := range c.all {
		if c.origin[p.ID] == file {
			ps = append(ps, p)
		}
	}
	return ps, errs
}

// New builds a catalog from platforms held in memory (tests, previews).
// Each is validated as if read from a file named "memory".
func New(platforms []Platform) (*Catalog, []error) {
	var b builder
	data, err := encode(platforms)
	if err != nil {
		return nil, []error{fmt.Errorf("catalog: encode: %w", err)}
	}
	b.add("memory", data, false)
	return b.build()
}

// builder merges files into one set of platforms, in load order.
type builder struct {
	entries []entry
	index   map[string]int // ID → position in entries
	errs    []error
}

type entry struct {
	p    Platform
	file string
	user bool
	// overrides: a user entry that replaced the built-in entry of its ID;
	// inherited are that entry's domains, which it may keep claiming.
	overrides bool
	inherited []string
}

func (b *builder) loadFS(fsys fs.FS) {
	var files []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".json") && !strings.HasPrefix(path.Base(p), ".") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		b.errs = append(b.errs, &LoadError{File: "built-in catalog", Err: fmt.Errorf("list files: %w", err)})
	}
	slices.Sort(files)
	for _, f := range files {
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			b.errs = append(b.errs, &LoadError{File: f, Err: fmt.Errorf("read: %w", err)})
			continue
		}
		b.add(f, data, false)
	}
}

func (b *builder) loadDir(dir string) {
	des, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return // no user files yet
	}
	if err != nil {
		b.errs = append(b.errs, &LoadError{File: dir, Err: fmt.Errorf("list user catalog: %w", err)})
	}
	// ReadDir sorts by name, so the load order (and which duplicate wins)
	// does not depend on the file system.
	for _, de := range des {
		name := de.Name()
		// Hidden files include the temporary files of an atomic write.
		if !strings.HasSuffix(name, ".json") || strings.HasPrefix(name, ".") || de.IsDir() {
			continue
		}
		file := filepath.Join(dir, name)
		data, err := readFile(file)
		if err != nil {
			b.errs = append(b.errs, &LoadError{File: file, Err: err})
			continue
		}
		b.add(file, data, true)
	}
}

func readFile(file string) ([]byte, error) {
	st, err := os.Stat(file)
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	if st.Size() > MaxFileSize {
		return nil, fmt.Errorf("file is larger than %d bytes", MaxFileSize)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	return data, nil
}

func (b *builder) add(file string, data []byte, user bool) {
	ps, errs := Parse(file, data)
	b.errs = append(b.errs, errs...)
	if b.index == nil {
		b.index = map[string]int{}
	}
	for _, p := range ps {
		i, dup := b.index[p.ID]
		switch {
		case !dup:
			b.index[p.ID] = len(b.entries)
			b.entries = append(b.entries, entry{p: p, file: file, user: user})
		case user && !b.entries[i].user:
			// A person's file overrides the built-in entry.
			b.entries[i] = entry{p: p, file: file, user: user, overrides: true, inherited: b.entries[i].p.Domains}
		default:
			b.errs = append(b.errs, &LoadError{File: file, Entry: p.ID, Field: "id", Err: &accounts.ValidationError{
				Field: "id", Problem: "is already defined in " + b.entries[i].file + ", which is kept"}})
		}
	}
}

// build checks the references between platforms, dropping broken ones,
// and indexes the result.
func (b *builder) build() (*Catalog, []error) {
	c := &Catalog{byID: map[string]int{}, hosts: map[string]string{}, origin: map[string]string{}, overridden: map[string]bool{}, user: map[string]bool{}}
	for _, e := range b.entries {
		c.byID[e.p.ID] = 0
	}
	// Built-in entries first, so a user file cannot take a domain away
	// from a built-in platform it does not replace.
	order := slices.Clone(b.entries)
	slices.SortStableFunc(order, func(x, y entry) int {
		if x.user != y.user {
			if x.user {
				return 1
			}
			return -1
		}
		return strings.Compare(x.p.ID, y.p.ID)
	})
	owners := domainOwners{claims: map[string]entry{}, parents: map[string]entry{}}
	for i := range order {
		e := &order[i]
		b.resolve(e, c.byID)
		var keep []string
		for j, d := range e.p.Domains {
			if other, ok := owners.conflict(*e, d); !ok {
				b.problem(e, fmt.Sprintf("domains[%d]", j), "%q overlaps %s, which belongs to %s; a platform's subdomains are its own", d, other.domain, other.id)
				continue
			}
			owners.claim(*e, d)
			c.hosts[d] = e.p.ID
			keep = append(keep, d)
		}
		e.p.Domains = keep
	}
	slices.SortFunc(order, func(x, y entry) int { return strings.Compare(x.p.ID, y.p.ID) })
	for i, e := range order {
		c.all = append(c.all, e.p)
		c.byID[e.p.ID] = i
		c.origin[e.p.ID] = e.file
		if e.overrides {
			c.overridden[e.p.ID] = true
		}
		if e.user {
			c.user[e.p.ID] = true
		}
	}
	return c, b.errs
}

// resolve checks e's references against the IDs in the catalog and keeps
// only the ones that hold.
func (b *builder) resolve(e *entry, ids map[string]int) {
	p := &e.p
	if p.Group != "" && p.Group != p.ID {
		owner, ok := b.platform(p.Group)
		switch {
		case !ok:
			b.problem(e, "group", "%q is not a platform in the catalog", p.Group)
			p.Group = ""
		case owner.IdentityGroup() != p.Group:
			b.problem(e, "group", "%q belongs to group %q itself; name the group's main platform", p.Group, owner.IdentityGroup())
			p.Group = ""
		}
	}
	var tied []string
	for i, id := range p.TiedTo {
		if _, ok := ids[id]; !ok {
			b.problem(e, fmt.Sprintf("tied_to[%d]", i), "%q is not a platform in the catalog", id)
			continue
		}
		tied = append(tied, id)
	}
	p.TiedTo = tied
	var reqs []Requirement
	for i, r := range p.Requires {
		if r.Platform != "" && r.Platform != p.ID {
			other, ok := b.platform(r.Platform)
			if !ok {
				b.problem(e, fmt.Sprintf("requires[%d].platform", i), "%q is not a platform in the catalog", r.Platform)
				continue
			}
			if _, ok := other.Track(r.After); !ok {
				b.problem(e, fmt.Sprintf("requires[%d].after", i), "%s has no %s track", r.Platform, r.After)
				continue
			}
		}
		reqs = append(reqs, r)
	}
	p.Requires = reqs
}

func (b *builder) platform(id string) (Platform, bool) {
	i, ok := b.index[id]
	if !ok {
		return Platform{}, false
	}
	return b.entries[i].p, true
}

func (b *builder) problem(e *entry, field, format string, args ...any) {
	b.errs = append(b.errs, &LoadError{File: e.file, Entry: e.p.ID, Field: field,
		Err: &accounts.ValidationError{Field: field, Problem: fmt.Sprintf(format, args...)}})
}

// domainOwners is the rule of who owns a domain: the first platform to
// claim it (built-in entries come first) owns it and every subdomain, so a
// user file cannot file login.taobao.com under a foreign entry. Only a
// built-in platform of the same company may claim a subdomain of another (weixin.qq.com is WeChat's, inside
// Tencent's qq.com).
type domainOwners struct {
	claims  map[string]entry // claimed domain → owner
	parents map[string]entry // every proper parent of a claimed domain → owner
}

type overlap struct{ domain, id string }

// conflict returns the claim d overlaps, and false when e may not take it.
func (o domainOwners) conflict(e entry, d string) (overlap, bool) {
	check := func(owner entry, at string) (overlap, bool) {
		if owner.p.ID == e.p.ID {
			return overlap{}, true
		}
		// A person's file that replaces a built-in entry keeps its domains.
		if e.overrides && slices.Contains(e.inherited, d) && !owner.user && at != d {
			return overlap{}, true
		}
		sameCompany := !e.user && !owner.user && e.p.Company.ID != "" && e.p.Company.ID == owner.p.Company.ID
		if sameCompany && at != d {
			return overlap{}, true
		}
		return overlap{at, owner.p.ID}, false
	}
	// d itself or any parent of it already claimed.
	for h := d; h != ""; {
		if owner, ok := o.claims[h]; ok {
			if ov, ok := check(owner, h); !ok {
				return ov, false
			}
		}
		i := strings.IndexByte(h, '.')
		if i < 0 {
			break
		}
		h = h[i+1:]
	}
	// A subdomain of d already claimed.
	if owner, ok := o.parents[d]; ok {
		if ov, ok := check(owner, d+" (a subdomain)"); !ok {
			return ov, false
		}
	}
	return overlap{}, true
}

func (o domainOwners) claim(e entry, d string) {
	o.claims[d] = e
	for h := d; ; {
		i := strings.IndexByte(h, '.')
		if i < 0 {
			return
		}
		h = h[i+1:]
		if _, ok := o.parents[h]; !ok {
			o.parents[h] = e
		}
	}
}

// LoadFor is the catalog a data folder runs on: the built-in platforms
// (assets.Catalog) and the person's files in UserDir(dataDir). Both
// binaries and every reload after a custom platform is saved use it.
func LoadFor(dataDir string) (*Catalog, []error) {
	return Load(assets.Catalog, UserDir(dataDir))
}
