/**
 * Proxy objects for the task pane, built from the schema as Office.js builds its client objects: setting
 * a property or calling a method queues an action, load() queues a load whose result fills the object
 * at sync(), and reading a property that was not loaded throws PropertyNotLoaded. Members the schema
 * lacks throw at once.
 */
import { OfficeExtensionError, propertyNotLoaded } from "./errors";
import type { Action, Loaded } from "./protocol";
import { SCHEMA, type TypeSchema } from "./schema";
import { PROBES, notSimulated } from "./strict";

/** What a client object needs of its request context. */
export interface ContextLink {
  /** The RequestContext as the pane sees it (obj.context). */
  readonly proxy: object;
  queue(action: Action, onResult?: (result: unknown) => void): void;
  newId(): string;
  /** Remembers an object by id so the sync can tell it whether it is a null object. */
  register(id: string, object: object): void;
}

interface ObjectState {
  type: string;
  id: string;
  link: ContextLink;
  loaded: Map<string, unknown>;
  nav: Map<string, object>;
  /** Known after the sync that created it, for objects of *OrNullObject methods. */
  isNull?: boolean;
  nullable: boolean;
  items?: object[];
}

const states = new WeakMap<object, ObjectState>();

/** The id of a client object, or undefined for anything else. */
export function objectId(value: unknown): { id: string; link: ContextLink } | undefined {
  const state = typeof value === "object" && value !== null ? states.get(value) : undefined;
  return state && { id: state.id, link: state.link };
}

/** Tells an object created by an *OrNullObject method whether it is a null object. */
export function setNull(object: object, isNull: boolean): void {
  const state = states.get(object);
  if (state) state.isNull = isNull;
}

/** Serialises a method argument: client objects become {"$ref": id} of the same context. */
function serialize(value: unknown, link: ContextLink, path: string): unknown {
  const object = objectId(value);
  if (object) {
    if (object.link !== link)
      throw new OfficeExtensionError(
        "InvalidRequestContext",
        `${path}: an object of another request context was passed.`
      );
    return { $ref: object.id };
  }
  if (typeof value === "function" || typeof value === "symbol" || typeof value === "bigint")
    throw new TypeError(`${path}: ${typeof value} arguments are not supported.`);
  if (Array.isArray(value)) return value.map((item) => serialize(item, link, path));
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, serialize(v, link, path)]));
  return value;
}

function serializeArgs(args: unknown[], link: ContextLink, path: string): unknown[] {
  const trimmed = [...args];
  while (trimmed.length && trimmed[trimmed.length - 1] === undefined) trimmed.pop();
  return trimmed.map((arg) => serialize(arg === undefined ? null : arg, link, path));
}

/** load()'s argument as property paths, or null for every scalar property. */
function selectPaths(select: unknown, type: string): string[] | null {
  if (select === undefined || select === null) return null;
  let paths: string[];
  if (typeof select === "string") paths = select.split(",");
  else if (Array.isArray(select)) paths = select.flatMap((item) => String(item).split(","));
  else if (typeof select === "object") {
    const { select: s, expand: e, ...rest } = select as { select?: unknown; expand?: unknown };
    if (Object.keys(rest).length)
      throw notSimulated(`Excel.${type}.load with options ${Object.keys(rest).join(", ")}`);
    paths = [s, e].flatMap((part) => (part === undefined ? [] : (selectPaths(part, type) ?? [])));
  } else throw new TypeError(`Excel.${type}.load: unexpected argument ${String(select)}`);
  paths = paths.map((p) => p.trim()).filter(Boolean);
  return paths.length ? paths : null;
}

/** Checks a path against the schema ("format/font/bold"), so a typo fails where it is written. */
function checkPath(type: string, path: string): void {
  const [head, ...rest] = path.split("/");
  const schema = SCHEMA[type];
  if (schema.items) {
    if (head !== "items") return checkPath(schema.items, path);
    if (rest.length) checkPath(schema.items, rest.join("/"));
    return;
  }
  if (schema.nav?.[head]) {
    if (rest.length) checkPath(schema.nav[head], rest.join("/"));
    return;
  }
  if (schema.props?.[head] && !rest.length) return;
  throw notSimulated(`loading Excel.${type}.${path}`);
}

/**
 * Creates the client object `id` of a schema type.
 * @param nullable Whether it came from an *OrNullObject method (or from such an object).
 */
export function createObject(
  link: ContextLink,
  type: string,
  id: string,
  nullable: boolean
): object {
  const schema: TypeSchema | undefined = SCHEMA[type];
  if (!schema) throw notSimulated(`Excel.${type}`);
  const state: ObjectState = { type, id, link, loaded: new Map(), nav: new Map(), nullable };
  const path = (member: string) => `Excel.${type}.${member}`;

  const child = (
    member: string,
    childType: string,
    args: unknown[],
    childNullable: boolean
  ): object => {
    const childId = link.newId();
    link.queue({
      kind: "get",
      id: childId,
      parent: id,
      member,
      args: serializeArgs(args, link, path(member)),
    });
    const object = createObject(link, childType, childId, childNullable);
    link.register(childId, object);
    return object;
  };
  const navChild = (member: string): object => {
    let object = state.nav.get(member);
    if (!object) {
      object = child(member, schema.nav![member], [], nullable);
      state.nav.set(member, object);
    }
    return object;
  };

  const methods: Record<string, unknown> = {
    load(select?: unknown) {
      const paths = selectPaths(select, type);
      for (const p of paths ?? []) checkPath(type, p);
      // Objects along a path ("format/font") are created now, so that their get actions come before
      // the load in this batch and its result has objects to fill.
      if (!schema.items) for (const p of paths ?? []) walk(proxy, p.split("/"));
      link.queue({ kind: "load", target: id, select: paths }, (result) =>
        applyTo(proxy, result as Loaded)
      );
      return proxy;
    },
    set(properties: Record<string, unknown>) {
      for (const [key, value] of Object.entries(properties ?? {})) {
        if (schema.nav?.[key] && typeof value === "object" && value !== null)
          (navChild(key) as { set(p: unknown): void }).set(value);
        else (proxy as Record<string, unknown>)[key] = value;
      }
    },
    toJSON() {
      const json: Record<string, unknown> = Object.fromEntries(state.loaded);
      for (const [member, object] of state.nav) {
        const inner = (object as { toJSON(): Record<string, unknown> }).toJSON();
        if (Object.keys(inner).length) json[member] = inner;
      }
      if (state.items)
        json.items = state.items.map((item) => (item as { toJSON(): unknown }).toJSON());
      return json;
    },
    track: () => proxy,
    untrack: () => proxy,
    toString: () => `[object Excel.${type}]`,
  };

  const proxy: object = new Proxy(
    {},
    {
      get(_target, key) {
        if (typeof key === "symbol") return undefined;
        if (key === "context") return link.proxy;
        if (key in methods) return methods[key];
        if (key === "isNullObject") {
          if (!nullable) return false;
          if (state.isNull === undefined) throw propertyNotLoaded(type, "isNullObject");
          return state.isNull;
        }
        if (schema.items && key === "items") {
          if (!state.items) {
            if (state.isNull) return [];
            throw propertyNotLoaded(type, "items");
          }
          return state.items;
        }
        if (schema.props?.[key]) {
          if (state.loaded.has(key)) return state.loaded.get(key);
          if (state.isNull) return undefined; // Office.js gives nothing rather than failing on null objects
          throw propertyNotLoaded(type, key);
        }
        if (schema.nav?.[key]) return navChild(key);
        if (schema.methods?.[key])
          return (...args: unknown[]) => child(key, schema.methods![key], args, nullable);
        if (schema.nullable?.[key])
          return (...args: unknown[]) => child(key, schema.nullable![key], args, true);
        if (schema.actions?.includes(key))
          return (...args: unknown[]) => {
            link.queue({
              kind: "call",
              target: id,
              method: key,
              args: serializeArgs(args, link, path(key)),
            });
          };
        if (schema.results?.includes(key))
          return (...args: unknown[]) => {
            let value: unknown;
            let ready = false;
            link.queue(
              { kind: "call", target: id, method: key, args: serializeArgs(args, link, path(key)) },
              (result) => {
                value = (result as { value: unknown }).value;
                ready = true;
              }
            );
            return {
              get value() {
                if (!ready)
                  throw new OfficeExtensionError(
                    "ValueNotLoaded",
                    `The value of ${path(key)}() is not available before context.sync().`
                  );
                return value;
              },
            };
          };
        if (PROBES.has(key)) return undefined;
        throw notSimulated(path(key));
      },
      set(_target, key, value) {
        if (typeof key === "symbol") throw notSimulated(path(String(key)));
        const access = schema.props?.[key];
        if (access === "r") throw new TypeError(`${path(key)} is read-only.`);
        if (access !== "rw") throw notSimulated(`setting ${path(key)}`);
        link.queue({
          kind: "set",
          target: id,
          prop: key,
          value: serialize(value, link, path(key)),
        });
        // Office.js keeps a value set on the object, so reading it back needs no load.
        state.loaded.set(key, value);
        return true;
      },
      has(_target, key) {
        return (
          typeof key === "string" &&
          (key in methods || Boolean(schema.props?.[key] || schema.nav?.[key]))
        );
      },
    }
  );
  states.set(proxy, state);
  return proxy;
}

/** Touches the navigation objects along a path, creating those not yet made. */
function walk(object: object, segments: string[]): void {
  const state = states.get(object);
  const [head, ...rest] = segments;
  const navType = state && SCHEMA[state.type].nav?.[head];
  if (!navType) return;
  const next = (object as Record<string, unknown>)[head] as object;
  if (rest.length) walk(next, rest);
}

/** Fills an object (and the objects below it) with a load result. */
function applyTo(object: object, loaded: Loaded): void {
  const inner = states.get(object);
  if (!inner) return;
  if (loaded.isNull) inner.isNull = true;
  for (const [key, value] of Object.entries(loaded.props)) inner.loaded.set(key, value);
  const innerSchema = SCHEMA[inner.type];
  for (const [member, nested] of Object.entries(loaded.nav ?? {})) {
    const target = (object as Record<string, unknown>)[member] as object;
    applyTo(target, nested);
  }
  if (loaded.items) {
    inner.items = loaded.items.map((item) => {
      const created = createObject(inner.link, innerSchema.items!, item.id, false);
      applyTo(created, item.loaded);
      return created;
    });
  }
}
