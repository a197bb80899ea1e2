codemod "rename-ami" {
  match {
    resource "aws_instance" "$N" {
      ami = $A
    }
  }
  replace {
    resource "aws_instance" "$N" {
      image_id_from_variable = $A
    }
  }
}
