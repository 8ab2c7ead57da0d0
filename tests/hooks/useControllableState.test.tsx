// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useControllableState } from '../../src/hooks/useControllableState';

afterEach(() => {
  cleanup();
  vi.unstubAllEnvs();
});

/** A controlled `Dialog` value left uncontrolled; returns the silenced `console.warn`. */
function switchDialogFromControlledToUncontrolled() {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const { rerender } = renderHook(
    (props: { value: boolean | undefined }) =>
      useControllableState({ prop: props.value, defaultProp: false, caller: 'Dialog' }),
    { initialProps: { value: true as boolean | undefined } },
  );
  rerender({ value: undefined });
  return warn;
}

describe('useControllableState, uncontrolled', () => {
  it('starts at the default and does not report it on mount (under StrictMode)', () => {
    const onChange = vi.fn();
    const { result } = renderHook(() =>
      useControllableState({ defaultProp: false, onChange, caller: 'Test' }),
    );

    expect(result.current[0]).toBe(false);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('sets the value and reports each change once, updater functions included', () => {
    const onChange = vi.fn();
    const { result } = renderHook(() =>
      useControllableState({ defaultProp: 1, onChange, caller: 'Test' }),
    );

    act(() => result.current[1](2));
    act(() => result.current[1]((value) => value + 10));
    act(() => result.current[1](12));

    expect(result.current[0]).toBe(12);
    expect(onChange.mock.calls).toEqual([[2], [12]]);
  });
});

describe('useControllableState, controlled', () => {
  it('keeps the host’s value and asks for the change through onChange', () => {
    const onChange = vi.fn();
    const { result } = renderHook(() =>
      useControllableState({ prop: true, defaultProp: false, onChange, caller: 'Test' }),
    );

    act(() => result.current[1](false));

    expect(result.current[0]).toBe(true);
    expect(onChange.mock.calls).toEqual([[false]]);
  });

  it('gives updater functions the host’s value, and asks nothing for the value it has', () => {
    const onChange = vi.fn();
    const { result } = renderHook(() =>
      useControllableState({ prop: 5, defaultProp: 0, onChange, caller: 'Test' }),
    );

    act(() => result.current[1]((value) => value + 1));
    act(() => result.current[1](5));

    expect(onChange.mock.calls).toEqual([[6]]);
  });

  it('follows the host’s value as it changes, calling the latest onChange', () => {
    const first = vi.fn();
    const latest = vi.fn();
    const { result, rerender } = renderHook(
      (props: { value: string; onChange: (value: string) => void }) =>
        useControllableState({
          prop: props.value,
          defaultProp: '',
          onChange: props.onChange,
          caller: 'Test',
        }),
      { initialProps: { value: 'a', onChange: first } },
    );

    rerender({ value: 'b', onChange: latest });
    act(() => result.current[1]('c'));

    expect(result.current[0]).toBe('b');
    expect(first).not.toHaveBeenCalled();
    expect(latest.mock.calls).toEqual([['c']]);
  });

  it('warns when a component switches between controlled and uncontrolled', () => {
    const warn = switchDialogFromControlledToUncontrolled();

    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/`Dialog` is changing from controlled to uncontrolled/);
  });

  it('does not warn in a production build', () => {
    vi.stubEnv('NODE_ENV', 'production');
    const warn = switchDialogFromControlledToUncontrolled();

    expect(warn).not.toHaveBeenCalled();
  });
});
