codemod "alb-to-lb" {
  match {
    resource "aws_alb" "$N" {
      $...BODY
    }
  }
  replace {
    resource "aws_lb" "$N" {
      $...BODY
    }
  }
}
