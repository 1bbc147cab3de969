// Column widths for a grid that must fit the terminal. The label column (model names) gives way
// first, down to its longest name, then the figure columns evenly, down to their longest text:
// a figure or a word in a cell is cut only when the terminal is narrower than all the minimums.
export type FitColumn = {natural: number; min: number};

export function fitWidths(width: number, label: FitColumn, cells: readonly FitColumn[]): {label: number; cells: number[]} {
	let labelWidth = label.natural;
	const widths = cells.map((cell) => cell.natural);
	let over = labelWidth + widths.reduce((sum, value) => sum + value, 0) - width;
	const labelGive = Math.max(0, Math.min(over, labelWidth - Math.min(label.min, label.natural)));
	labelWidth -= labelGive;
	over -= labelGive;
	// One column at a time, widest first, so equal columns stay equal.
	while (over > 0) {
		let widest = -1;
		widths.forEach((value, index) => {
			if (value > (cells[index]?.min ?? value) && (widest < 0 || value > (widths[widest] ?? 0))) widest = index;
		});
		if (widest < 0) break;
		widths[widest] = (widths[widest] ?? 0) - 1;
		over--;
	}
	return {label: labelWidth, cells: widths};
}
