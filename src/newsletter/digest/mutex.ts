/** A FIFO lock: resolves to its release once the holders before have released; the release may be called more than once. */
export function mutex(): () => Promise<() => void> {
  let tail: Promise<void> = Promise.resolve()
  return async () => {
    let open!: () => void
    const held = new Promise<void>((resolve) => (open = resolve))
    const before = tail
    tail = before.then(() => held)
    await before
    return open
  }
}
