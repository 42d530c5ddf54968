"""Excel in and out: roster import with header detection and an error report; formatted exports."""
