empty {}
empty_nl {
}
empty_blank {

}
empty_comment {
  # only a comment
}
one_line "label" { a = 1 }
one_line_bare label1 "label2" bare3 { b = "x" }
one_line_obj { c = { d = 1 } }
one_line_empty "x" {}
mixed "q" bare "q2" {
  inner { x = 1 }
  inner2 {}
  deep "a" {
    deeper {
      deepest = true
    }
  }
}
resource "aws_security_group" "sg" {
  lifecycle { create_before_destroy = true }
  timeouts {}
}
