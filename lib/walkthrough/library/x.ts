import { X_ORIGIN, x } from '../../sites/x';
import type { Walkthrough } from '../model';

const TIP_PUBLIC = 'The same standards apply online as offline. Post about your work only in ways your department would be happy to see, and tell your line manager before you start writing about it.';

export const xWalkthroughs: Walkthrough[] = [
  {
    id: 'x-write-post',
    title: 'Write and post on X',
    topic: 'x',
    minutes: 3,
    why: 'A short post is the quickest way to tell stakeholders about a report, an event or a job.',
    tip: TIP_PUBLIC,
    startUrl: 'https://x.com/home',
    origin: X_ORIGIN,
    practice: true,
    steps: [
      {
        id: 'find-box',
        url: 'https://x.com/home',
        target: x.homeEditor,
        lookFor: 'a box near the top of the page that says "What’s happening?"',
        action: 'click',
        done: { kind: 'click' },
        title: 'Find the box for your post',
        body: 'At the top of your Home timeline is a box that says **What’s happening?**. Select it to start writing.',
      },
      {
        id: 'type',
        url: 'https://x.com/home',
        target: x.homeEditor,
        lookFor: 'the box that says "What’s happening?"',
        action: 'type',
        done: { kind: 'input' },
        title: 'Write your post',
        body: 'Keep it short: a post can be up to 280 characters, and a link counts as 23.\n\nTry something simple, such as a thank-you to a team or a link to something your department has published.',
      },
      {
        id: 'post',
        url: 'https://x.com/home',
        target: x.homePostButton,
        lookFor: 'a button labelled "Post" under the box',
        action: 'click',
        done: { kind: 'click' },
        title: 'Read it again, then post',
        body: 'Check it once more: would you be happy to see it quoted in the news? When you are ready, press **Post**.',
      },
      {
        id: 'sent',
        url: 'https://x.com/*',
        target: x.sentToast,
        lookFor: 'a message at the bottom of the page that says "Your post was sent"',
        action: 'read',
        done: { kind: 'manual' },
        optional: true,
        title: 'Your post is live',
        body: 'X confirms with **Your post was sent**. You can find it on your profile. If you spot a mistake, you can delete the post and write it again.',
      },
    ],
  },
];
