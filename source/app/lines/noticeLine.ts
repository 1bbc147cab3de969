// Warnings, notes and step errors read the same whichever step printed them.
import type {NoticeEvent} from '../../experiment/events.js';

export function noticeLine(event: NoticeEvent): string {
	switch (event.type) {
		case 'warning':
			return `warning: ${event.message}`;
		case 'info':
			return event.message;
		case 'step-error':
			return `error: ${event.message}`;
	}
}
