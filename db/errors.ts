/** Opening problems a person can act on; the front doors print `message` as it is. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly kind: 'too-new' | 'locked' | 'corrupt' | 'unreadable',
    message: string,
  ) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}
