// Path templates like '/2/users/:id/followers' compiled to matchers.

export interface Matcher<T> {
  method: string;
  template: string;
  regex: RegExp;
  names: string[];
  value: T;
}

export function compile<T>(method: string, template: string, value: T): Matcher<T> {
  const names: string[] = [];
  const source = template
    .split('/')
    .map((part) => {
      if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(part.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { method, template, regex: new RegExp(`^${source}$`), names, value };
}

export function match<T>(
  matchers: Matcher<T>[],
  method: string,
  path: string,
): { matcher: Matcher<T>; params: Record<string, string> } | undefined {
  for (const matcher of matchers) {
    if (matcher.method !== method) continue;
    const found = matcher.regex.exec(path);
    if (!found) continue;
    const params: Record<string, string> = {};
    matcher.names.forEach((name, i) => {
      params[name] = decodeURIComponent(found[i + 1] ?? '');
    });
    return { matcher, params };
  }
  return undefined;
}
