// `--name value` command-line options for the bench scripts.

/** A whole number > 0 given as `--name N`, else `fallback`. */
export function numberArg(name: string, fallback: number, argv: readonly string[] = process.argv): number {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(argv[i + 1]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name}: "${argv[i + 1] ?? ""}" is not allowed; give a whole number > 0`);
  return value;
}

export const median = (values: readonly number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** One of `choices` given as `--name value`, else `fallback`. */
export function choiceArg<T extends string>(name: string, choices: readonly T[], fallback: T, argv: readonly string[] = process.argv): T {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = argv[i + 1] as T;
  if (!choices.includes(value)) throw new Error(`--${name}: "${argv[i + 1] ?? ""}" is not allowed; use one of ${choices.join(", ")}`);
  return value;
}

/** A number from 0 to `max` given as `--name F`, else `fallback`. */
export function fractionArg(name: string, fallback: number, max: number, argv: readonly string[] = process.argv): number {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(argv[i + 1]);
  if (!(value >= 0 && value <= max)) throw new Error(`--${name}: "${argv[i + 1] ?? ""}" is not allowed; give a number from 0 to ${max}`);
  return value;
}
