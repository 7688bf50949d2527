/** Whether dist/ and build/ are newer than every source they are built from. */
export function upToDate(): boolean;
