// The contract extractor's reading of SDK doc comments (scripts/contract/docFacts.ts): the forms it takes
// valid values and defaults from, and the unclear ones it records nothing for. The comments here are
// written for the test in the SDK's layout, not taken from it.
import { documentedDefault, documentedValues } from "../../scripts/contract/docFacts";

const comment = (...lines: string[]) => ["/**", ...lines.map((l) => `   * ${l}`.trimEnd()), "   */"].join("\n");

describe("documentedValues", () => {
  it("reads a bullet list announced by 'Valid values:', quoted or bare, with blank lines between items", () => {
    expect(documentedValues(comment("@remarks", "The size. Valid values:", "", "*   `Small`: a small one", "", "*   `Large`: a large one", "", "@example", "Small"), "string"))
      .toEqual(["Small", "Large"]);
    expect(documentedValues(comment("@remarks", "The mode. Valid values:", "- fast: quick", "- slow", "@example", "fast"), "string")).toEqual(["fast", "slow"]);
  });

  it("reads an inline list of quoted values joined by commas and 'and'", () => {
    expect(documentedValues(comment("@remarks", "The kind. Valid values: `A`, `B`, and `C`.", "@example", "B"), "string")).toEqual(["A", "B", "C"]);
  });

  it("reads the empty string however it is quoted", () => {
    expect(documentedValues(comment("@remarks", "Where. Valid values:", '*   `""`: nowhere', "*   `/tmp/x`: there", "@example", "“”"), "string")).toEqual(["", "/tmp/x"]);
  });

  it("reads an unannounced list only right after the opening sentence and only of quoted values", () => {
    expect(documentedValues(comment("@remarks", "The level.", "", "*   `low`: little", "*   `high`: much", "@example", "low"), "string")).toEqual(["low", "high"]);
    expect(documentedValues(comment("@remarks", "The level.", "*   low: little", "@example", "low"), "string")).toBeUndefined();
  });

  it("records nothing for a boolean, for prose bullets, for inline prose, or when the example is not in the list", () => {
    expect(documentedValues(comment("@remarks", "Whether. Valid values:", "*   `true`", "*   `false`"), "boolean")).toBeUndefined();
    expect(documentedValues(comment("@remarks", "The mode. Valid values:", "*   If you set it, things happen."), "string")).toBeUndefined();
    expect(documentedValues(comment("@remarks", "The state. Valid values: 0: good. 1: bad.", "@example", "0"), "number")).toBeUndefined();
    expect(documentedValues(comment("@remarks", "The spec. Valid values:", "*   `true`: on", "*   `false`: off", "@example", "standard"), "string")).toBeUndefined();
    expect(documentedValues(comment("@remarks", "Valid values: `a`.", "Valid values: `b`."), "string")).toBeUndefined();
  });
});

describe("documentedDefault", () => {
  it("reads one quoted or bare token after 'Default value:'", () => {
    expect(documentedDefault(comment("@remarks", "Whether.", "", "Default value: `false`."))).toBe("false");
    expect(documentedDefault(comment("@remarks", "Whether.", "Default value: `true`"))).toBe("true");
    expect(documentedDefault(comment("@remarks", "The code. Default value: 301."))).toBe("301");
    expect(documentedDefault(comment("@remarks", "The domain. Default value: cluster.local. It applies to all."))).toBe("cluster.local");
  });

  it("records nothing for a default of several words or for two defaults", () => {
    expect(documentedDefault(comment("@remarks", "The project.", "Default value: project-{the mesh id}."))).toBeUndefined();
    expect(documentedDefault(comment("@remarks", "Default value: `a`.", "Default value: `b`."))).toBeUndefined();
  });
});
