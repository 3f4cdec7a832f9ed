/**
 * The key under which names are compared: accents, case, spaces and punctuation removed, so "U.S." meets "US",
 * "People 's Republic" meets "People's Republic" and "Bogota" meets "Bogotá".
 *
 * @example nameKey("São Paulo") // "saopaulo"
 */
export function nameKey(name: string): string {
  // Most names are plain ASCII, where the key is the letters and digits in lower case; the rules and the
  // tagger ask for keys of most capitalised words, so this path skips Unicode normalisation and two regexes,
  // and a name of letters and digits alone ("Velmar", "velmar") is not rebuilt character by character.
  let upper = false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 128) return unicodeKey(name);
    if (c >= 65 && c <= 90) upper = true;
    else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return asciiKey(name);
  }
  return upper ? name.toLowerCase() : name;
}

/**
 * `nameKey` of a name with characters other than letters and digits ("U.S.", "New York"): a plain ASCII one in
 * lower case with the runs between those characters joined, not rebuilt character by character.
 */
function asciiKey(name: string): string {
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) >= 128) return unicodeKey(name);
  const lower = name.toLowerCase();
  let key = "";
  let from = 0;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) continue;
    if (i > from) key += lower.slice(from, i);
    from = i + 1;
  }
  return from < lower.length ? key + lower.slice(from) : key;
}

function unicodeKey(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}
