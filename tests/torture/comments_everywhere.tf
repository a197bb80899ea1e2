# leading hash
// leading slash
/* leading block */
/*
 * multi-line block comment
 */
resource /* c */ "aws_instance" /* between labels */ "x" /* before brace */ { # after brace
  # above attribute
  ami /* before eq */ = /* after eq */ var.ami /* after value */ # trailing
  // slash above
  count = 1 + /* mid */ 2 * /* mid2 */ 3
  list = [ # after open
    # own line in tuple
    1, /* after comma */
    // another
    2 /* before close */
  ]
  obj = { # after open brace
    # above item
    a = 1 # after item
    /* block on own line */
    b /* before eq */ = /* after eq */ 2
    // final comment in object
  }
  call = max( # after paren
    1, # first
    /* second */ 2,
    3 // third
  )
  cond = var.a /* q */ ? /* t */ 1 /* c */ : /* f */ 2
  fortup = [ /* a */ for /* b */ k /* c */ , /* d */ v /* e */ in /* f */ var.m /* g */ : /* h */ v /* i */ if /* j */ v != null /* k */ ]
  forobj = { # brace
    for k, v in var.m : # colon
    k => v # arrow
    if v != "" # cond
  }
  interp = "${ /* in interp */ var.x /* after */ }"
  interp2 = "${ # hash in interp
    var.x // slash
  }"
  idx = var.list[ /* i */ 0 /* j */ ]
  attr = var.obj /* dot */ . /* name */ name
  paren = ( /* a */ 1 /* b */ )
  neg = - /* u */ 1
  /* block comment before block */ nested { /* inline */
  }
} # after closing brace
# between top-level items

/* multi
line */ last = 1
