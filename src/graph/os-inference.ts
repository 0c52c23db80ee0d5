// Cartography's OS inference and slim detection (contract §1.8), kept bit-for-bit because `os` and
// `is_slim` are graph identity: the base uses its reference's tag, not the `Name` row.

const KNOWN_FLAVORS = new Set(["alpine", "debian", "ubuntu", "wolfi", "distroless"]);
const DEBIAN_CODENAMES = ["bookworm", "bullseye", "buster", "trixie"];
const UBUNTU_CODENAMES = ["ubuntu", "jammy", "focal", "noble"];

/** The OS family of an image from its tag and raw flavor, or null when nothing tells. */
export function inferOs(tag: string, flavor: string | null): string | null {
  const known = flavor?.trim().toLowerCase();
  if (known !== undefined && KNOWN_FLAVORS.has(known)) return known;
  const lowerTag = tag.toLowerCase();
  if (lowerTag.includes("alpine")) return "alpine";
  if (DEBIAN_CODENAMES.some((c) => lowerTag.includes(c))) return "debian";
  if (UBUNTU_CODENAMES.some((c) => lowerTag.includes(c))) return "ubuntu";
  // Cartography lower-cases but does not strip here.
  return flavor ? flavor.toLowerCase() : null;
}

/** `slim` in the tag (any case) or a `Slim` check mark. */
export function isSlim(tag: string, slimMark: boolean): boolean {
  return slimMark || tag.toLowerCase().includes("slim");
}

/** The `flavor` property: lower-cased, absent when empty. */
export function flavorProperty(flavor: string | null): string | null {
  return flavor ? flavor.toLowerCase() : null;
}
