// How a level choice is saved: a click saves at once; browsing the levels with the arrow
// keys (each step is a click the browser makes, with detail 0) saves only the level the
// person settles on, after a pause.
import { debounce } from "./debounce";

export function levelPicker(save: (level: number) => void, settleMs = 700) {
  const settle = debounce(save, settleMs);
  return {
    /** `fromKeyboard`: the click came from the keyboard (MouseEvent.detail === 0). */
    pick(level: number, fromKeyboard: boolean) {
      if (fromKeyboard) settle(level);
      else {
        settle.cancel();
        save(level);
      }
    },
    /** Leaving the page: save the level being browsed to, if any. */
    flush: () => settle.flush(),
  };
}
