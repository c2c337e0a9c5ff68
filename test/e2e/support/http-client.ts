export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
}

/**
 * Thin fetch wrapper: JSON in, JSON (or text) out, never throws on a status. `baseUrl` may be read
 * at each request (for an app started in beforeAll, after the client is made).
 */
export function apiClient(baseUrl: string | (() => string)) {
  const base = typeof baseUrl === 'string' ? () => baseUrl : baseUrl;
  const request = async <T>(
    method: string,
    path: string,
    body: unknown,
    options: RequestOptions,
  ): Promise<ApiResponse<T>> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    // Redirects are answers in their own right (e.g. web pages send 303 to the login page).
    const response = await fetch(`${base()}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: 'manual',
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (e.g. the Swagger UI page): keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  };
  return {
    get: <T = Record<string, unknown>>(path: string, options: RequestOptions = {}) =>
      request<T>('GET', path, undefined, options),
    post: <T = Record<string, unknown>>(path: string, body: unknown, options: RequestOptions = {}) =>
      request<T>('POST', path, body, options),
    send: <T = Record<string, unknown>>(
      method: string,
      path: string,
      body: unknown,
      options: RequestOptions = {},
    ) => request<T>(method, path, body, options),
  };
}

export type ApiClient = ReturnType<typeof apiClient>;
