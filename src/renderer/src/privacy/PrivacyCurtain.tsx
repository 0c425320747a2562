// Details the user opened on purpose (a patient's page, an appointment's side panel) while the privacy screen is on.
//
// The rule: overview screens (day book, week, Today, the patient list) hide patient details by themselves,
// because anyone passing the desk can read them. A page or panel the user deliberately opens shows everything —
// opening it is the user asking — with a "Hide details" button on top. Turning the privacy screen on while one
// is open drops the curtain at once (that is the "someone is walking up" moment); each new open shows again.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { usePrivacy } from './usePrivacy';

export interface Curtain {
  /** The privacy screen is on. */
  on: boolean;
  /** Details are behind the curtain right now. */
  hidden: boolean;
  hide(): void;
  show(): void;
  /** A name as this view may show it now: initials while hidden. */
  name(fullName: string): string;
}

/** `openedFor` names what was opened (e.g. the patient id): opening something else shows it again. */
export function useCurtain(openedFor: unknown): Curtain {
  const privacy = usePrivacy();
  // Boxed, so an `openedFor` of undefined still differs from "nothing hidden".
  const [hiddenFor, setHiddenFor] = useState<{ key: unknown } | null>(null);
  const wasOn = useRef(privacy.on);
  const hidden = privacy.on && hiddenFor !== null && hiddenFor.key === openedFor;
  useEffect(() => {
    if (privacy.on && !wasOn.current) setHiddenFor({ key: openedFor });
    wasOn.current = privacy.on;
  }, [privacy.on, openedFor]);
  return {
    on: privacy.on,
    hidden,
    hide: () => setHiddenFor({ key: openedFor }),
    show: () => setHiddenFor(null),
    name: (fullName) => (hidden ? privacy.name(fullName) : fullName),
  };
}

/** Above the shown details while private: why they show, and the one click that hides them. */
export function CurtainBar({ curtain }: { curtain: Curtain }) {
  if (!curtain.on || curtain.hidden) return null;
  return (
    <div className="privacy-bar" role="note">
      <span>
        <strong>Privacy screen is on.</strong> Shown in full because you opened it.
      </span>
      <button type="button" className="button button-small" onClick={curtain.hide}>
        Hide details
      </button>
    </div>
  );
}

/** In place of the details while the curtain is down: whose they are, in initials (unless a title says it), and how to show them. */
export function HiddenDetails({ curtain, who }: { curtain: Curtain; who?: string }) {
  if (!curtain.hidden) return null;
  return (
    <div className="privacy-hidden" role="note">
      {who !== undefined && <p className="privacy-hidden-who">{curtain.name(who)}</p>}
      <p className="muted">Details hidden while the privacy screen is on.</p>
      <button type="button" className="button" onClick={curtain.show}>
        Show details
      </button>
    </div>
  );
}

/** The whole of a page behind one curtain: the patient page wraps its content in this. */
export function PrivacyCurtain({ openedFor, who, children }: { openedFor: unknown; who: string; children: ReactNode }) {
  const curtain = useCurtain(openedFor);
  if (curtain.hidden) return <HiddenDetails curtain={curtain} who={who} />;
  return (
    <>
      <CurtainBar curtain={curtain} />
      {children}
    </>
  );
}
