/** Injectable time source so expiry and lockout rules can be tested without waiting. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
