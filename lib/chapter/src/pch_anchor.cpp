// Gives the chapters' shared precompiled header a target to live in.
