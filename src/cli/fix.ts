export async function fix(..._: unknown[]): Promise<number> {
  return 2;
}
