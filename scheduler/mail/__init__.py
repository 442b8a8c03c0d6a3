"""What leaves by mail or notification: the weekly digests, SMTP, and Apprise notifications."""
