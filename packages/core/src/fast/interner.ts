/** Numbers shared objects in order of first use; `items` holds each one's stored form once. */
export function interner<T, J>(toItem: (item: T) => J): { items: J[]; id: (item: T) => number } {
  const ids = new Map<T, number>();
  const items: J[] = [];
  const id = (item: T): number => {
    let found = ids.get(item);
    if (found === undefined) {
      found = items.length;
      ids.set(item, found);
      items.push(toItem(item));
    }
    return found;
  };
  return { items, id };
}
