// Command sdkgen writes the Python, Go and Node.js SDKs of a Pulumi package schema with the code generators of
// the Pulumi version pinned in go.mod beside it (the same as ../pulumi-cli/go.mod). `pulumi package gen-sdk`
// cannot do it here: it asks each language's host to generate (GeneratePackage), and the Python and Go hosts
// are not served as Go modules, so docs/sdks.md explains why this tool calls the generators directly instead.
//
//	sdkgen -schema schema.json -out sdk [-languages python,go,nodejs] [-overlays provider/sdkOverlays]
//
// The output folder gets one subfolder per language; each is emptied first so no file of an older schema stays.
// The overlays folder has one subfolder per language whose files go into that language's SDK as they are
// (Pulumi's overlay files): hand-written code the schema cannot describe, such as the Node.js SDK's redaction
// of secret outputs in @pulumi/pulumi's debug log.
package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/blang/semver"
	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	"golang.org/x/mod/modfile"
)

const toolName = "asm-pulumi sdkgen"

// ownGoMod is this tool's go.mod: the generated Go SDK asks for the same Go, which is at least what the pinned
// Pulumi SDK asks for (go mod tidy would raise it otherwise).
//
//go:embed go.mod
var ownGoMod []byte

// languageDefaults fill only what schema.json's own "language" section leaves unset, so a setting added to the
// schema later wins. The package names are not among them: schema.json carries them (provider/packageSchema.ts
// SDK_NAMES), and a second copy here could only drift from the names `pulumi import` prints.
var languageDefaults = map[string]map[string]any{
	"nodejs": {
		"respectSchemaVersion": true,
	},
	"python": {
		"respectSchemaVersion": true,
		"pyproject":            map[string]any{"enabled": true},
	},
	"go": {
		"generateResourceContainerTypes": true,
		"respectSchemaVersion":           true,
	},
}

var allLanguages = []string{"python", "go", "nodejs"}

func main() {
	schemaPath := flag.String("schema", "schema.json", "the package schema to generate from")
	out := flag.String("out", "sdk", "the folder that gets one subfolder per language")
	languages := flag.String("languages", strings.Join(allLanguages, ","), "comma-separated: "+
		strings.Join(allLanguages, ", "))
	overlays := flag.String("overlays", filepath.Join("provider", "sdkOverlays"),
		"the folder with one subfolder of overlay files per language")
	flag.Parse()
	if err := run(*schemaPath, *out, *overlays, strings.Split(*languages, ",")); err != nil {
		fmt.Fprintf(os.Stderr, "sdkgen: %v\n", err)
		os.Exit(1)
	}
}

func run(schemaPath, out, overlaysDir string, languages []string) error {
	raw, err := os.ReadFile(schemaPath)
	if err != nil {
		return err
	}
	// A missing folder is an error, not "no overlays": an SDK without them would lack what they fix.
	if info, err := os.Stat(overlaysDir); err != nil || !info.IsDir() {
		return fmt.Errorf("the overlays folder %s is missing (run from the repository root, or pass -overlays)", overlaysDir)
	}
	for _, lang := range languages {
		overlays, err := readOverlays(filepath.Join(overlaysDir, lang))
		if err != nil {
			return fmt.Errorf("%s: %w", lang, err)
		}
		files, err := generate(raw, lang, overlays)
		if err != nil {
			return fmt.Errorf("%s: %w", lang, err)
		}
		dir := filepath.Join(out, lang)
		if err := writeTree(dir, files); err != nil {
			return fmt.Errorf("%s: %w", lang, err)
		}
		fmt.Printf("sdkgen: wrote %d files to %s\n", len(files), dir)
	}
	return nil
}

// generate binds a fresh package per language: the generators record their language's settings on the bound
// package (nodejs.GeneratePackage overwrites pkg.Language["nodejs"]), so sharing one would couple them.
func generate(raw []byte, lang string, overlays map[string][]byte) (map[string][]byte, error) {
	var edit func(*schema.PackageSpec)
	if lang == "go" {
		edit = goConfigEnumsAsStrings
	}
	pkg, err := bind(raw, edit)
	if err != nil {
		return nil, err
	}
	loader := noOtherPackages{}
	switch lang {
	case "python":
		return python.GeneratePackage(toolName, pkg, overlays, loader)
	case "nodejs":
		// The generator lists .ts overlays in tsconfig.json and re-exports each from the index, which loads it.
		return nodejs.GeneratePackage(toolName, pkg, overlays, nil, false, loader)
	case "go":
		files, err := gogen.GeneratePackage(toolName, pkg, nil)
		if err != nil {
			return nil, err
		}
		for name, contents := range overlays {
			if _, generated := files[name]; generated {
				return nil, fmt.Errorf("overlay %s would replace a generated file", name)
			}
			files[name] = contents
		}
		mod, err := goMod(pkg)
		if err != nil {
			return nil, err
		}
		files["go.mod"] = mod
		return files, nil
	default:
		return nil, fmt.Errorf("unknown language (allowed: %s)", strings.Join(allLanguages, ", "))
	}
}

// readOverlays gives the files under dir keyed by their slash-separated path inside it; no dir, no overlays.
func readOverlays(dir string) (map[string][]byte, error) {
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, entry os.DirEntry, err error) error {
		if err != nil || entry.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		contents, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = contents
		return err
	})
	if errors.Is(err, fs.ErrNotExist) {
		return map[string][]byte{}, nil
	}
	return files, err
}

func bind(raw []byte, edit func(*schema.PackageSpec)) (*schema.Package, error) {
	var spec schema.PackageSpec
	if err := json.Unmarshal(raw, &spec); err != nil {
		return nil, fmt.Errorf("reading the schema: %w", err)
	}
	if edit != nil {
		edit(&spec)
	}
	if err := applyLanguageDefaults(&spec); err != nil {
		return nil, err
	}
	// BindSpec, not ImportSpec: it checks the schema against Pulumi's metaschema before anything is written.
	pkg, diags, err := schema.BindSpec(spec, noOtherPackages{}, schema.ValidationOptions{})
	if err != nil {
		return nil, err
	}
	if diags.HasErrors() {
		return nil, diags
	}
	return pkg, nil
}

func applyLanguageDefaults(spec *schema.PackageSpec) error {
	if spec.Language == nil {
		spec.Language = map[string]schema.RawMessage{}
	}
	for lang, defaults := range languageDefaults {
		merged := map[string]json.RawMessage{}
		if own, ok := spec.Language[lang]; ok {
			if err := json.Unmarshal(own, &merged); err != nil {
				return fmt.Errorf("schema language.%s: %w", lang, err)
			}
		}
		for key, value := range defaults {
			if _, set := merged[key]; set {
				continue
			}
			encoded, err := json.Marshal(value)
			if err != nil {
				return err
			}
			merged[key] = encoded
		}
		encoded, err := json.Marshal(merged)
		if err != nil {
			return err
		}
		spec.Language[lang] = encoded
	}
	return nil
}

// goConfigEnumsAsStrings works around the Go generator of this Pulumi version, which writes the default of a
// config variable typed by a string enum as `value = asm.ProviderProgress("on")` in package config: that
// package does not import the root package, and the getter's value is a plain string anyway, so the SDK does
// not compile. The getters are typed string either way (genConfig maps every non-scalar type to string), so
// giving such variables the enum's underlying string type changes no signature, only makes the default the
// plain literal "on".
func goConfigEnumsAsStrings(spec *schema.PackageSpec) {
	for name, variable := range spec.Config.Variables {
		token, local := strings.CutPrefix(variable.Ref, "#/types/")
		if !local {
			continue
		}
		if t, ok := spec.Types[token]; ok && len(t.Enum) > 0 && t.Type == "string" {
			variable.TypeSpec = schema.TypeSpec{Type: "string"}
			spec.Config.Variables[name] = variable
		}
	}
}

// goMod gives the Go SDK a module of its own. The generator writes one only for packages that set
// supportPack, and then pins an older Pulumi SDK than the one this tool was built with; requiring the SDK
// version of this build keeps the generated code and the SDK it compiles against from one Pulumi release.
func goMod(pkg *schema.Package) ([]byte, error) {
	info, _ := pkg.Language["go"].(gogen.GoPackageInfo)
	modulePath := info.ModulePath
	if modulePath == "" {
		// Files are keyed by the package folder ("asm/..."), so the module is the import path's parent.
		modulePath = path.Dir(info.ImportBasePath)
	}
	sdkVersion, err := pinnedSDKVersion()
	if err != nil {
		return nil, err
	}
	own, err := modfile.ParseLax("go.mod", ownGoMod, nil)
	if err != nil || own.Go == nil {
		return nil, fmt.Errorf("reading the go directive of sdkgen's own go.mod: %v", err)
	}
	return fmt.Appendf(nil, "module %s\n\ngo %s\n\nrequire github.com/pulumi/pulumi/sdk/v3 %s\n",
		modulePath, own.Go.Version, sdkVersion), nil
}

func pinnedSDKVersion() (string, error) {
	build, ok := debug.ReadBuildInfo()
	if !ok {
		return "", errors.New("this binary carries no module information to read the Pulumi SDK version from")
	}
	for _, dep := range build.Deps {
		if dep.Path == "github.com/pulumi/pulumi/sdk/v3" {
			if dep.Replace != nil {
				return dep.Replace.Version, nil
			}
			return dep.Version, nil
		}
	}
	return "", errors.New("github.com/pulumi/pulumi/sdk/v3 is not among this binary's modules")
}

// writeTree replaces dir with exactly files, in sorted order so a failure leaves a predictable prefix.
func writeTree(dir string, files map[string][]byte) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		target := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(target, files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// noOtherPackages is the loader for packages schema.json refers to. The asm schema refers to none but the
// built-in pulumi package, which binding resolves without a loader; a reference to any other package is an
// error here rather than a download, since no plugin host runs in this tool.
type noOtherPackages struct{}

func (noOtherPackages) LoadPackage(pkg string, version *semver.Version) (*schema.Package, error) {
	return nil, refused(pkg)
}

func (noOtherPackages) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return nil, refused(d.Name)
}

func (noOtherPackages) LoadPackageReference(pkg string, version *semver.Version) (schema.PackageReference, error) {
	return nil, refused(pkg)
}

func (noOtherPackages) LoadPackageReferenceV2(
	_ context.Context, d *schema.PackageDescriptor,
) (schema.PackageReference, error) {
	return nil, refused(d.Name)
}

func refused(pkg string) error {
	return fmt.Errorf("the schema refers to package %q; sdkgen loads no package but the one it generates", pkg)
}
