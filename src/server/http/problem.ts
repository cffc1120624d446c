/**
 * The one way the server fails a request: throw a {@link ProblemError} with a code from the
 * catalogue in src/protocol/errors.ts. The error handler turns it into problem+json.
 */
import { ERRORS, formatDetail, problemType, type ErrorCode, type Problem } from '../../protocol/errors.ts';

export class ProblemError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly params: Readonly<Record<string, string | number>>;
  /** Extra members of the problem body, such as `currentVersion` or `errors`. */
  readonly extra: Readonly<Record<string, unknown>>;
  /** Headers to send with the problem, such as Retry-After. */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    code: ErrorCode,
    params: Readonly<Record<string, string | number>> = {},
    options: { extra?: Record<string, unknown>; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(formatDetail(code, params), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ProblemError';
    this.code = code;
    this.status = ERRORS[code].status;
    this.params = params;
    this.extra = options.extra ?? {};
    this.headers = options.headers ?? {};
  }

  toProblem(instance?: string): Problem {
    return {
      ...this.extra,
      type: problemType(this.code),
      title: ERRORS[this.code].title,
      status: this.status,
      detail: this.message,
      code: this.code,
      ...(instance === undefined ? {} : { instance }),
    };
  }
}

export function problem(code: ErrorCode, params?: Readonly<Record<string, string | number>>, options?: ConstructorParameters<typeof ProblemError>[2]): ProblemError {
  return new ProblemError(code, params, options);
}
