// Gives the exercise programs' shared precompiled header a target to live in.
