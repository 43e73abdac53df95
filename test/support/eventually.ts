/** Retries `attempt` every 100 ms until `done` holds or `ms` pass (bounded); resolves with its last value. */
export async function eventually<T>(attempt: () => Promise<T>, done: (value: T) => boolean, ms = 5_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await attempt();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
