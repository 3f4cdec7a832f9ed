import type { Mention } from "../../model/index.js";

/**
 * Lower-case particles inside people's names ("Frank de Velde", "Edwin van der Orrin", "Cesare dal Kestro").
 * The Spanish "y" and Portuguese "e", and the articles "la", "le", "al", "el", which as often begin the words
 * after a name, are left out.
 */
const PARTICLE = String.raw`(?:de|del|della|dei|di|da|dal|das|do|dos|du|des|van|von|der|den|ter|ten|zu|bin|ibn|bint|ben|abu)`;
/** Particles, then capitalised words, as the head of the text after a person's name. */
const PARTICLES_AFTER = new RegExp(String.raw`^(?: ${PARTICLE})+(?: \p{Lu}[\p{L}\p{M}'’-]*)+`, "u");
/** The word before particles, and the particles, as the tail of the text before a person's name. */
const PARTICLES_BEFORE = new RegExp(String.raw`(\S*)\s((?:${PARTICLE} )+)$`, "u");

/**
 * A person's name takes in the lower-case particles it is written with: after its given name ("Frank de Velde",
 * the surname with them) and before a surname that opens with them ("de Velde said"). The tagger often stops
 * at the particle and reads the rest as another name or none. Mentions must be sorted by `start` with their
 * text set.
 */
export function namesWithParticles(mentions: Mention[], text: string): Mention[] {
  const out: Mention[] = [];
  let until = -1;
  for (const m of mentions) {
    if (m.start < until) continue;
    if (m.type !== "person") {
      out.push(m);
      continue;
    }
    const after = PARTICLES_AFTER.exec(text.slice(m.end, m.end + 60))?.[0];
    const particles = PARTICLES_BEFORE.exec(` ${text.slice(Math.max(0, m.start - 30), m.start)}`);
    const before = particles && !/^\p{Lu}/u.test(particles[1] as string) ? particles[2] : undefined;
    const start = m.start - (before?.length ?? 0);
    const end = m.end + (after?.length ?? 0);
    if (start === m.start && end === m.end) {
      out.push(m);
      continue;
    }
    // Names the tagger found in the surname after the particles are part of this one.
    while (out.length > 0 && (out[out.length - 1] as Mention).end > start) out.pop();
    out.push({ start, end, text: text.slice(start, end), type: "person" });
    until = end;
  }
  return out;
}
