/**
 * The desk's state lives in its URL (`/teams/{id}/desk?q=…&status=…&view=board`): links that change one part keep
 * the rest. Pure; shared by the server page and the browser.
 */
import { deskParameterNames, type DeskParameterName } from "@/lib/desk/schema";

/** The desk's URL parameters (each once; several statuses as a comma list), and the page's `view`. */
export type DeskUrlParams = Partial<Record<DeskParameterName | "view", string>>;

export type DeskView = "list" | "board";

const urlParameterNames = [...deskParameterNames, "view"] as const;

/** The desk's parameters of a page's `searchParams`: known names only, repeated statuses joined with commas. */
export function readDeskUrlParams(searchParams: Readonly<Record<string, string | string[] | undefined>>): DeskUrlParams {
  const params: DeskUrlParams = {};
  for (const name of urlParameterNames) {
    const value = searchParams[name];
    const values = (value === undefined ? [] : typeof value === "string" ? [value] : value).filter((item) => item.trim() !== "");
    if (values.length === 0) continue;
    params[name] = name === "status" ? values.join(",") : values[0];
  }
  return params;
}

/** The view a URL asks for: the board with `view=board`, else the list. */
export function readDeskView(params: DeskUrlParams): DeskView {
  return params.view === "board" ? "board" : "list";
}

/** `params` with `changes` applied (undefined removes a parameter), as a query string: "?a=1&b=2", or "" for none. */
export function toDeskSearch(params: DeskUrlParams, changes: DeskUrlParams = {}): string {
  const merged: DeskUrlParams = { ...params, ...changes };
  const search = new URLSearchParams();
  for (const name of urlParameterNames) {
    const value = merged[name];
    if (value !== undefined && value !== "") search.set(name, value);
  }
  const text = search.toString();
  return text === "" ? "" : `?${text}`;
}

/** True when the URL filters or searches (anything but the view, the order and the page). */
export function hasDeskFilters(params: DeskUrlParams): boolean {
  return (["q", "status", "verdict", "tag", "assignee", "author", "document"] as const).some((name) => params[name] !== undefined);
}
