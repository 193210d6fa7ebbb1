/** The account the benchmark's Konsens servers make at their start; the clients sign in with it (SPEC AC-1, AC-7). */
export const BENCH_ACCOUNT = { email: 'bench@example.org', name: 'Benchmark', password: 'benchmark-passwort' } as const;
