// The review screen's selection, kept when the user goes to an indicator page and back.
export const review = $state({ selected: null as number | null });
