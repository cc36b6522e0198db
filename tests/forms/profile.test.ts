import type { FormField } from '../../shared/domain/form';
import { FormProfile } from '../../shared/domain/form';
import { deriveProfile, fieldLabel, guessValidation, readableName } from '../../shared/forms/profile';

const field = (over: Partial<FormField> & Pick<FormField, 'name'>): FormField => ({
  type: 'text',
  readOnly: false,
  required: false,
  ...over,
});

const META = { formHash: 'a'.repeat(64), kind: 'pdf' as const, title: '入职申请表' };

describe('fieldLabel', () => {
  it('prefers the tooltip, then the text beside the field, then the name', () => {
    expect(fieldLabel(field({ name: 'f1', tooltip: '申请人姓名', nearbyText: '姓名：' }))).toBe('申请人姓名');
    expect(fieldLabel(field({ name: 'f1', nearbyText: '联系电话：____' }))).toBe('联系电话');
    expect(fieldLabel(field({ name: 'f1', nearbyText: 'Phone: ' }))).toBe('Phone');
    expect(fieldLabel(field({ name: 'form1[0].page1[0].fullName[0]' }))).toBe('full Name');
    expect(fieldLabel(field({ name: 'f1', tooltip: '  ', nearbyText: '' }))).toBe('f1');
  });

  it('makes a field name readable', () => {
    expect(readableName('user.name')).toBe('name');
    expect(readableName('applicant_id_number')).toBe('applicant id number');
    expect(readableName('topmostSubform[0].Page1[0].dateOfBirth[0]')).toBe('date Of Birth');
    expect(readableName('{{单位名称}}')).toBe('单位名称');
  });
});

describe('guessValidation', () => {
  const guess = (label: string, over: Partial<FormField> = {}) => guessValidation(field({ name: 'x', ...over }), label);

  it('reads the kind of value from the label', () => {
    expect(guess('身份证号码')).toBe('id_number');
    expect(guess('公民身份号码')).toBe('id_number');
    expect(guess('ID number')).toBe('id_number');
    expect(guess('统一社会信用代码')).toBe('credit_code');
    expect(guess('联系电话')).toBe('phone');
    expect(guess('手机')).toBe('phone');
    expect(guess('联系方式')).toBe('phone');
    expect(guess('Tel')).toBe('phone');
    expect(guess('出生日期')).toBe('date');
    expect(guess('出生年月')).toBe('date');
    expect(guess('填表时间')).toBe('date');
    expect(guess('金额')).toBe('amount');
    expect(guess('注册资本（万元）')).toBe('amount');
    expect(guess('合计（元）')).toBe('amount');
    expect(guess('Total')).toBe('amount');
    expect(guess('姓名')).toBe('none');
    expect(guess('工作单位')).toBe('none');
    expect(guess('candidate')).toBe('none');
  });

  it('reads it from the name when the label says nothing', () => {
    expect(guess('f1', { name: 'applicant.phoneNumber' })).toBe('phone');
    expect(guess('f1', { name: 'dateOfBirth' })).toBe('date');
  });

  it('makes every choice field a choice', () => {
    expect(guess('是否党员', { type: 'checkbox' })).toBe('choice');
    expect(guess('性别', { type: 'radio', options: ['男', '女'] })).toBe('choice');
    expect(guess('申请日期', { type: 'dropdown' })).toBe('choice');
    expect(guess('学历', { type: 'list' })).toBe('choice');
  });
});

describe('deriveProfile', () => {
  it('keeps options, required and maxLength, and skips what is never filled', () => {
    const profile = deriveProfile(
      [
        field({ name: 'name', nearbyText: '姓名：', required: true, maxLength: 20 }),
        field({ name: 'sex', type: 'radio', options: ['男', '女'], nearbyText: '性别' }),
        field({ name: 'sign', type: 'signature', nearbyText: '申请人签字：' }),
        field({ name: 'submit', type: 'button' }),
        field({ name: 'serial', nearbyText: '编号：', readOnly: true }),
      ],
      META,
    );
    expect(FormProfile.parse(profile)).toEqual(profile);
    expect(profile).toMatchObject({ version: 1, formHash: META.formHash, kind: 'pdf', title: '入职申请表' });
    expect(profile.fields).toEqual([
      {
        name: 'name',
        label: '姓名',
        type: 'text',
        validation: 'none',
        readOnly: false,
        required: true,
        maxLength: 20,
        skip: false,
      },
      {
        name: 'sex',
        label: '性别',
        type: 'radio',
        validation: 'choice',
        options: ['男', '女'],
        readOnly: false,
        required: false,
        skip: false,
      },
      {
        name: 'sign',
        label: '申请人签字',
        type: 'signature',
        validation: 'none',
        readOnly: false,
        required: false,
        skip: true,
      },
      {
        name: 'submit',
        label: 'submit',
        type: 'button',
        validation: 'none',
        readOnly: false,
        required: false,
        skip: true,
      },
      { name: 'serial', label: '编号', type: 'text', validation: 'none', readOnly: true, required: false, skip: true },
    ]);
  });

  it('keeps a label within the profile limit', () => {
    const profile = deriveProfile([field({ name: 'x', tooltip: '说明'.repeat(150) })], META);
    expect(profile.fields[0]!.label).toHaveLength(200);
  });
});
