// Follows a Marker-paginated Describe/List call to its last page. The listings feed messages (what does
// exist, when a named id does not), so a cap that stops a misbehaving endpoint from paging forever may
// cut a list short without failing it: 50 pages is 5,000 items at the services' default page size.
const MAX_PAGES = 50;

export interface Page<Item> {
  items: Item[] | undefined;
  /** The marker of the next page; undefined on the last page. */
  next: string | undefined;
}

export async function allPages<Item>(fetchPage: (marker: string | undefined) => Promise<Page<Item>>): Promise<Item[]> {
  const items: Item[] = [];
  let marker: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await fetchPage(marker);
    items.push(...(answer.items ?? []));
    // A marker that does not move would repeat the same page: treat it as the end.
    if (!answer.next || answer.next === marker) break;
    marker = answer.next;
  }
  return items;
}
