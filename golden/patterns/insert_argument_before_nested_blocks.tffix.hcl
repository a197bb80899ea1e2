codemod "s3-force-destroy-off" {
  match {
    resource "aws_s3_bucket" "$N" {
      not {
        force_destroy = $_
      }
    }
  }
  replace {
    resource "aws_s3_bucket" "$N" {
      force_destroy = false
    }
  }
}
