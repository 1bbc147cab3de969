// Assembles a bull or bear reply of a given quality from the sections of its full argument.
import type {QualityTier} from './types.js';

export type Section = {heading: string | null; body: string};

export type DebateSpec = {
	title: string;
	/** The complete argument, in order; the excellent tier uses all of it. */
	sections: Section[];
	/** Indexes of the sections a 'good' model still writes (about 60 % of the length). */
	goodKeep: number[];
	/** The one figure a 'good' model gets wrong: a sentence the context does not support. */
	unsupported: string;
	/** A shallow paragraph: few figures, no structure, no engagement. */
	partial: string;
	vague: string;
};

function render(title: string, sections: Section[]): string {
	const parts = [`# ${title}`];
	for (const section of sections) {
		parts.push(section.heading === null ? section.body : `## ${section.heading}\n\n${section.body}`);
	}
	return parts.join('\n\n');
}

export function debateReply(quality: QualityTier, spec: DebateSpec): string {
	switch (quality) {
		case 'excellent':
			return render(spec.title, spec.sections);
		case 'good': {
			const kept = spec.goodKeep.flatMap((i) => (spec.sections[i] ? [spec.sections[i]] : []));
			// The invented figure goes into the second section, where a real analysis would put a projection.
			const withSlip = kept.map((section, i) => (i === 1 ? {...section, body: `${section.body} ${spec.unsupported}`} : section));
			return render(spec.title, withSlip);
		}
		case 'partial':
			return spec.partial;
		case 'vague':
			return spec.vague;
	}
}
